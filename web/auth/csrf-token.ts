import { randomBytes } from 'node:crypto';
import { mac, macMatchesAny } from '../../links/signed-value';

export const CSRF_FIELD = '_csrf';

/**
 * Signed double submit: the browser holds a random id in an HttpOnly, SameSite=Strict cookie, and every form
 * carries the HMAC of that id. Another site can neither read the cookie nor compute the MAC.
 */
export function newCsrfId(): string {
  return randomBytes(18).toString('base64url');
}

export function csrfTokenFor(key: Buffer, id: string): string {
  return mac(key, `csrf.${id}`);
}

/** `keys`: the current secret's first, then the previous ones', so a form rendered before a rotation still posts. */
export function csrfValid(keys: readonly Buffer[], id: string | undefined, token: unknown): boolean {
  return typeof id === 'string' && id !== '' && typeof token === 'string' && macMatchesAny(keys, `csrf.${id}`, token);
}
