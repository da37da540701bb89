/**
 * Where to send a user after login: `next` resolved by the WHATWG URL parser (the browser's own) against `origin`,
 * followed only when it stays on that origin; the path, query and fragment are returned, as the parser wrote them.
 * Pattern checks on the raw text miss what the parser strips or rewrites: tabs and newlines anywhere, a backslash
 * as a slash, leading spaces and control characters, `/./` segments. `undefined` when `next` leaves the origin
 * (or is empty or not a URL).
 */
export function sameOriginPath(next: string | undefined, origin: string): string | undefined {
  if (!next) return undefined;
  let base: URL;
  let target: URL;
  try {
    base = new URL(origin);
    target = new URL(next, base);
  } catch {
    return undefined;
  }
  if (target.origin !== base.origin || target.username || target.password) return undefined;
  const local = `${target.pathname}${target.search}${target.hash}`;
  // `/.//evil.example` resolves on our origin to the path `//evil.example`, which a browser reads as another host.
  return local.startsWith('/') && !local.startsWith('//') ? local : undefined;
}
