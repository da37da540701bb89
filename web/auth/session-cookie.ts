import { mac, macMatchesAny } from '../../links/signed-value';

/**
 * `<session id>.<mac>`: the id is random and the sessions table decides whether it is live; the MAC turns away
 * cookies that are not ours before any database read.
 */
export function sessionCookieValue(key: Buffer, sessionId: string): string {
  return `${sessionId}.${mac(key, `session.${sessionId}`)}`;
}

/** The session id of a cookie signed with one of `keys` (the current secret's or a previous one's). */
export function sessionIdOf(keys: readonly Buffer[], cookie: string | undefined): string | undefined {
  if (!cookie) return undefined;
  const dot = cookie.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const sessionId = cookie.slice(0, dot);
  return macMatchesAny(keys, `session.${sessionId}`, cookie.slice(dot + 1)) ? sessionId : undefined;
}
