import { randomBytes } from 'node:crypto';
import { mac, safeEqual } from '../../links/signed-value';

export const CSRF_COOKIE = 'dondoc_csrf';
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

export function csrfValid(key: Buffer, id: string | undefined, token: unknown): boolean {
  return typeof id === 'string' && id !== '' && typeof token === 'string' && safeEqual(csrfTokenFor(key, id), token);
}
