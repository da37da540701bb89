/** The URL with the password of its user info masked (`smtp://u:***@h`, `postgres://u:***@h/db`), for banners and errors. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}
