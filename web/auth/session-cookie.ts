import { signValue, verifyValue } from '../../links/signed-value';

export const SESSION_COOKIE = 'dondoc_session';

export interface Session {
  user: string;
  /** Expiry, epoch ms. */
  exp: number;
}

export function createSessionValue(key: Buffer, user: string, nowMs: number, ttlMs: number): string {
  return signValue(key, { user, exp: nowMs + ttlMs } satisfies Session);
}

/** The session when the cookie is ours, untouched and not expired, and its user still exists. */
export function readSession(
  key: Buffer,
  cookie: string | undefined,
  nowMs: number,
  users: ReadonlyMap<string, string>,
): Session | undefined {
  if (!cookie) return undefined;
  const value = verifyValue(key, cookie) as Partial<Session> | undefined;
  if (typeof value?.user !== 'string' || typeof value.exp !== 'number') return undefined;
  if (value.exp <= nowMs || !users.has(value.user)) return undefined;
  return { user: value.user, exp: value.exp };
}
