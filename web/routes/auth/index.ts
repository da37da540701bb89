import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { verifyPassword } from '../../../links/password-hash';
import { sameOriginPath } from '../../auth/same-origin-path';
import { sessionCookieValue } from '../../auth/session-cookie';
import { HttpError } from '../../http-error';
import { SESSION_COOKIE_OPTIONS } from '../../plugins/auth';

const LoginBody = z.object({
  username: z.string().trim().max(100).default(''),
  password: z.string().max(1000).default(''),
  next: z.string().optional(),
});

const ENDED_SESSIONS_KEPT_MS = 24 * 3600_000;

// A hash to check against when the user does not exist, so a wrong name costs as long as a wrong password.
const DUMMY_HASH = 'scrypt$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

const authRoutes: FastifyPluginAsync = async (app) => {
  /** Only a path on this origin: `next` must not turn the login into an open redirect. */
  const localPath = (request: FastifyRequest, next: string | undefined): string =>
    sameOriginPath(next, `${request.protocol}://${request.host}`) ?? '/cycles';

  app.get<{ Querystring: { next?: string } }>('/login', async (request, reply) => {
    if (request.user) return reply.redirect(localPath(request, request.query.next), 303);
    return reply.page('login', { title: 'Đăng nhập', next: localPath(request, request.query.next), username: '' });
  });

  // Beside the limit per user name: one address trying many names (spraying one password) is stopped too. Behind a
  // proxy, `request.ip` is the client's only with TRUST_PROXY; without it every client shares the proxy's limit.
  // createRateLimit, not rateLimit(): the plugin runs one of its preHandlers per request, and the route has its own.
  const loginsPerIp = app.createRateLimit({
    max: app.web.loginAttemptsPerIpPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => `login-ip|${request.ip}`,
  });
  const limitLoginsPerIp = async (request: FastifyRequest, reply: FastifyReply) => {
    const limit = await loginsPerIp(request);
    if (limit.isAllowed || !limit.isExceeded) return;
    reply.header('retry-after', String(limit.ttlInSeconds));
    throw new HttpError(429, 'Máy này đã thử đăng nhập quá nhiều lần. Vui lòng đợi một phút rồi thử lại.', {
      title: 'Thử quá nhiều lần',
    });
  };

  app.post(
    '/login',
    {
      preHandler: limitLoginsPerIp,
      config: {
        rateLimit: {
          max: app.web.loginAttemptsPerMinute,
          timeWindow: 60_000,
          keyGenerator: (request) => {
            const body = request.body as { username?: unknown } | undefined;
            const name = typeof body?.username === 'string' ? body.username.trim().toLowerCase() : '';
            return `login|${request.ip}|${name}`;
          },
        },
      },
    },
    async (request, reply) => {
      const body = LoginBody.safeParse(request.body ?? {});
      const { username, password, next } = body.success ? body.data : { username: '', password: '', next: '' };
      const stored = (await app.access.users.find(username))?.passwordHash;
      const ok = await verifyPassword(password, stored ?? DUMMY_HASH);
      if (!stored || !ok) {
        const error = 'Tên đăng nhập hoặc mật khẩu không đúng.';
        return reply.page('login', { title: 'Đăng nhập', next: localPath(request, next), username, error }, 401);
      }
      const now = app.clock().getTime();
      const sessionId = await app.access.sessions.open(username, new Date(now + app.web.sessionTtlMs));
      // Housekeeping where sessions are made: rows of sessions that ended over a day ago go.
      await app.access.sessions.deleteEnded(new Date(now - ENDED_SESSIONS_KEPT_MS));
      const cookies = request.cookiePolicy();
      reply.setCookie(cookies.session, sessionCookieValue(app.keys.session.signing, sessionId), {
        ...SESSION_COOKIE_OPTIONS,
        secure: cookies.secure,
        maxAge: Math.floor(app.web.sessionTtlMs / 1000),
      });
      return reply.redirect(localPath(request, next), 303);
    },
  );

  app.post('/logout', async (request, reply) => {
    // The row is revoked, not just the cookie cleared: a copy of the cookie opens nothing afterwards.
    if (request.sessionId) await app.access.sessions.revoke(request.sessionId, app.clock());
    const cookies = request.cookiePolicy();
    reply.clearCookie(cookies.session, { ...SESSION_COOKIE_OPTIONS, secure: cookies.secure });
    return reply.redirect('/login', 303);
  });
};

export default authRoutes;
