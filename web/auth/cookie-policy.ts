import { isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';

/** The cookies' base names; a secure request gets them with the `__Host-` prefix. */
export const SESSION_COOKIE_NAME = 'dondoc_session';
export const CSRF_COOKIE_NAME = 'dondoc_csrf';

export interface CookiePolicy {
  /** Send the cookies with `Secure`, under `__Host-` names (which browsers then pin to this host and `Path=/`). */
  secure: boolean;
  session: string;
  csrf: string;
}

/** localhost, 127.0.0.0/8 and ::1: browsers treat them as secure contexts and keep `Secure` cookies over http. */
export function isLoopbackHost(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (isIP(name) === 4) return name.startsWith('127.');
  return name === '::1';
}

/**
 * `__Host-` cookies need `Secure`, which a browser accepts only over https or on a loopback host: those get them.
 * Plain http to another host (a LAN address without TLS) keeps the plain names, so it still logs in. The name is
 * decided the same way on every request from that browser (same host, same scheme), so reads find what was set;
 * a plain-named cookie sent on a secure request is ignored, which is what makes `__Host-` worth having.
 */
export function cookiePolicy(request: FastifyRequest, alwaysSecure: boolean): CookiePolicy {
  const secure = alwaysSecure || request.protocol === 'https' || isLoopbackHost(request.hostname);
  const prefix = secure ? '__Host-' : '';
  return { secure, session: `${prefix}${SESSION_COOKIE_NAME}`, csrf: `${prefix}${CSRF_COOKIE_NAME}` };
}
