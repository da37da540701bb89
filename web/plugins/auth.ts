import cookie from '@fastify/cookie';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ApiScope, ApiTokenRecord } from '../../db/stores';
import { cookiePolicy, type CookiePolicy } from '../auth/cookie-policy';
import { CSRF_FIELD, csrfTokenFor, csrfValid, newCsrfId } from '../auth/csrf-token';
import { sessionIdOf } from '../auth/session-cookie';
import { HttpError } from '../http-error';

declare module 'fastify' {
  interface FastifyRequest {
    /** The dashboard user, when the session cookie names a live session. */
    user: string | undefined;
    /** That session's id (for logout, and to keep it across a password change). */
    sessionId: string | undefined;
    /** The API token of this request, when it carried a valid one. */
    apiToken: ApiTokenRecord | undefined;
    /** The token every form of this response must carry in `_csrf`. */
    csrfToken(): string;
    /** Checks a `_csrf` value sent with this request (multipart forms check their first field with it). */
    csrfOk(token: unknown): boolean;
    /** The names and `Secure` flag of this request's cookies (`__Host-` ones over https and on loopback). */
    cookiePolicy(): CookiePolicy;
  }
  interface FastifyContextConfig {
    /**
     * The route reads its multipart body itself and refuses it unless the first field is a valid `_csrf`
     * (`readUpload`); every other route refuses multipart state changes outright.
     */
    csrfInMultipart?: boolean;
  }
  interface FastifyInstance {
    /** preHandler for dashboard pages: no session → redirect to /login. */
    requireUser: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
    /**
     * preHandler for `/api/v1`: a bearer token with the `read` scope (GET) or `submit` scope (anything else), or a
     * dashboard session for reads; else 401, or 403 for a token without the scope.
     */
    requireApiAccess: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
    /** Throws 403 unless the request's token has `scope`. */
    requireApiScope: (request: FastifyRequest, scope: ApiScope) => void;
  }
}

/** No `Domain`: a `__Host-` cookie must have none, and the others stay on this host too. */
const COOKIE_BASE = { path: '/', httpOnly: true, sameSite: 'strict' } as const;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const csrfRefused = () =>
  new HttpError(403, 'Phiên làm việc không hợp lệ hoặc đã hết hạn. Vui lòng tải lại trang rồi thử lại.', {
    title: 'Yêu cầu bị từ chối',
  });

const auth: FastifyPluginAsync = async (app) => {
  await app.register(cookie);
  app.decorateRequest('user', undefined);
  app.decorateRequest('sessionId', undefined);
  app.decorateRequest('apiToken', undefined);
  app.decorateRequest('csrfToken', function csrfToken(this: FastifyRequest) {
    return csrfTokenFor(app.keys.csrf.signing, csrfIdOf(this));
  });
  app.decorateRequest('csrfOk', function csrfOk(this: FastifyRequest, token: unknown) {
    return csrfValid(app.keys.csrf.verifying, this.cookies[this.cookiePolicy().csrf], token);
  });
  const policies = new WeakMap<FastifyRequest, CookiePolicy>();
  app.decorateRequest('cookiePolicy', function policyOf(this: FastifyRequest) {
    let policy = policies.get(this);
    if (!policy) policies.set(this, (policy = cookiePolicy(this, app.web.secureCookies)));
    return policy;
  });
  const csrfIds = new WeakMap<FastifyRequest, string>();
  const csrfIdOf = (request: FastifyRequest): string =>
    request.cookies[request.cookiePolicy().csrf] || csrfIds.get(request) || '';

  app.addHook('onRequest', async (request, reply) => {
    const cookies = request.cookiePolicy();
    // Read on every request, never cached: a session revoked on another host is refused here at once.
    const sessionId = sessionIdOf(app.keys.session.verifying, request.cookies[cookies.session]);
    const session = sessionId ? await app.access.sessions.find(sessionId, app.clock()) : undefined;
    if (session) {
      request.user = session.userName;
      request.sessionId = sessionId;
    }
    if (!request.cookies[cookies.csrf]) {
      const id = newCsrfId();
      csrfIds.set(request, id);
      reply.setCookie(cookies.csrf, id, { ...COOKIE_BASE, secure: cookies.secure });
    }
  });

  // Every state change carries the token. Multipart bodies are not parsed before the handler, so only a route that
  // checks their first field itself (the submission link) takes them; the JSON API authenticates each request with
  // a bearer token instead of a cookie (the route's pattern is tested, not the raw URL, which a client shapes).
  app.addHook('preHandler', async (request) => {
    if (SAFE_METHODS.has(request.method) || request.routeOptions.url?.startsWith('/api/')) return;
    // The codec endpoint changes nothing and takes JSON only, which no cross-origin form can send (routes/codec).
    if (request.routeOptions.url?.startsWith('/codec/')) return;
    if (request.isMultipart()) {
      if (request.routeOptions.config.csrfInMultipart) return;
      throw csrfRefused();
    }
    const token = (request.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
    if (!request.csrfOk(token)) throw csrfRefused();
  });

  app.decorate('requireUser', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.user) return;
    return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
  });

  app.decorate('requireApiScope', (request: FastifyRequest, scope: ApiScope) => {
    if (request.apiToken?.scopes.includes(scope)) return;
    throw new HttpError(403, `Mã truy cập không có quyền «${scope}» cho yêu cầu này.`);
  });

  app.decorate('requireApiAccess', async (request: FastifyRequest, reply: FastifyReply) => {
    const safe = SAFE_METHODS.has(request.method);
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim();
    if (bearer !== undefined) {
      // Looked up on every request: a token revoked on another host is refused at once.
      request.apiToken = await app.access.apiTokens.verify(bearer, app.clock());
      if (request.apiToken) return app.requireApiScope(request, safe ? 'read' : 'submit');
    } else if (request.user && safe) return;
    reply.header('www-authenticate', 'Bearer');
    throw new HttpError(401, 'Cần mã truy cập (Authorization: Bearer …) hợp lệ.');
  });
};

export default fp(auth, { name: 'dondoc-auth', dependencies: ['dondoc-context'], fastify: '5.x' });

export const SESSION_COOKIE_OPTIONS = COOKIE_BASE;
