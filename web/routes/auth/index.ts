import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { verifyPassword } from '../../../links/password-hash';
import { SESSION_COOKIE, sessionCookieValue } from '../../auth/session-cookie';
import { SESSION_COOKIE_OPTIONS } from '../../plugins/auth';

const LoginBody = z.object({
  username: z.string().trim().max(100).default(''),
  password: z.string().max(1000).default(''),
  next: z.string().optional(),
});

const ENDED_SESSIONS_KEPT_MS = 24 * 3600_000;

// A hash to check against when the user does not exist, so a wrong name costs as long as a wrong password.
const DUMMY_HASH = 'scrypt$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** Only a local path: `next=https://evil.example` must not turn the login into an open redirect. */
function localPath(next: string | undefined): string {
  return next && /^\/(?![/\\])/.test(next) ? next : '/cycles';
}

const authRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { next?: string } }>('/login', async (request, reply) => {
    if (request.user) return reply.redirect(localPath(request.query.next), 303);
    return reply.page('login', { title: 'Đăng nhập', next: localPath(request.query.next), username: '' });
  });

  app.post(
    '/login',
    {
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
        return reply.page('login', { title: 'Đăng nhập', next: localPath(next), username, error }, 401);
      }
      const now = app.clock().getTime();
      const sessionId = await app.access.sessions.open(username, new Date(now + app.web.sessionTtlMs));
      // Housekeeping where sessions are made: rows of sessions that ended over a day ago go.
      await app.access.sessions.deleteEnded(new Date(now - ENDED_SESSIONS_KEPT_MS));
      reply.setCookie(SESSION_COOKIE, sessionCookieValue(app.keys.session.signing, sessionId), {
        ...SESSION_COOKIE_OPTIONS,
        secure: app.web.secureCookies,
        maxAge: Math.floor(app.web.sessionTtlMs / 1000),
      });
      return reply.redirect(localPath(next), 303);
    },
  );

  app.post('/logout', async (request, reply) => {
    // The row is revoked, not just the cookie cleared: a copy of the cookie opens nothing afterwards.
    if (request.sessionId) await app.access.sessions.revoke(request.sessionId, app.clock());
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/login', 303);
  });
};

export default authRoutes;
