import cookie from '@fastify/cookie';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { safeEqual } from '../../links/signed-value';
import { CSRF_COOKIE, CSRF_FIELD, csrfTokenFor, csrfValid, newCsrfId } from '../auth/csrf-token';
import { readSession, SESSION_COOKIE } from '../auth/session-cookie';
import { HttpError } from '../http-error';

declare module 'fastify' {
  interface FastifyRequest {
    /** The dashboard user, when the session cookie is valid. */
    user: string | undefined;
    /** The token every form of this response must carry in `_csrf`. */
    csrfToken(): string;
    /** Checks a `_csrf` value sent with this request (multipart forms check their first field with it). */
    csrfOk(token: unknown): boolean;
  }
  interface FastifyInstance {
    /** preHandler for dashboard pages: no session → redirect to /login. */
    requireUser: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
    /** preHandler for `/api/v1`: a bearer token, or a dashboard session for reads; else 401. */
    requireApiAccess: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  }
}

const COOKIE_BASE = { path: '/', httpOnly: true, sameSite: 'strict' } as const;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const auth: FastifyPluginAsync = async (app) => {
  await app.register(cookie);
  app.decorateRequest('user', undefined);
  app.decorateRequest('csrfToken', function csrfToken(this: FastifyRequest) {
    return csrfTokenFor(app.keys.csrf, csrfIdOf(this));
  });
  app.decorateRequest('csrfOk', function csrfOk(this: FastifyRequest, token: unknown) {
    return csrfValid(app.keys.csrf, this.cookies[CSRF_COOKIE], token);
  });
  const csrfIds = new WeakMap<FastifyRequest, string>();
  const csrfIdOf = (request: FastifyRequest): string => request.cookies[CSRF_COOKIE] || csrfIds.get(request) || '';

  app.addHook('onRequest', async (request, reply) => {
    request.user = readSession(
      app.keys.session,
      request.cookies[SESSION_COOKIE],
      app.clock().getTime(),
      app.web.users,
    )?.user;
    if (!request.cookies[CSRF_COOKIE]) {
      const id = newCsrfId();
      csrfIds.set(request, id);
      reply.setCookie(CSRF_COOKIE, id, { ...COOKIE_BASE, secure: app.web.secureCookies });
    }
  });

  // Every form POST carries the token; multipart ones (the submission link) check their first field themselves,
  // and the JSON API authenticates each request with a bearer token instead of a cookie.
  app.addHook('preHandler', async (request) => {
    if (SAFE_METHODS.has(request.method) || request.url.startsWith('/api/') || request.isMultipart()) return;
    const token = (request.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
    if (!request.csrfOk(token)) {
      throw new HttpError(403, 'Phiên làm việc không hợp lệ hoặc đã hết hạn. Vui lòng tải lại trang rồi thử lại.', {
        title: 'Yêu cầu bị từ chối',
      });
    }
  });

  app.decorate('requireUser', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.user) return;
    return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
  });

  app.decorate('requireApiAccess', async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization ?? '';
    const bearer = /^Bearer (.+)$/i.exec(header)?.[1]?.trim();
    if (bearer !== undefined) {
      // Compare against every token, so the time taken says nothing about which one nearly matched.
      let ok = false;
      for (const token of app.web.apiTokens) ok = safeEqual(token, bearer) || ok;
      if (ok) return;
    } else if (request.user && SAFE_METHODS.has(request.method)) return;
    reply.header('www-authenticate', 'Bearer');
    throw new HttpError(401, 'Cần mã truy cập (Authorization: Bearer …) hợp lệ.');
  });
};

export default fp(auth, { name: 'dondoc-auth', dependencies: ['dondoc-context'], fastify: '5.x' });

export const SESSION_COOKIE_OPTIONS = COOKIE_BASE;
