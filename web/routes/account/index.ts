import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { hashPassword, verifyPassword } from '../../../links/password-hash';

const MIN_LENGTH = 8;

const PasswordBody = z.object({
  current: z.string().max(1000).default(''),
  password: z.string().max(1000).default(''),
  confirm: z.string().max(1000).default(''),
});

/** `/account`: the signed-in user changes their password; every other session of theirs ends. */
const accountRoutes: FastifyPluginAsync = async (app) => {
  app.addHook('preHandler', app.requireUser);

  app.get('/', async (_request, reply) => reply.page('account', { title: 'Đổi mật khẩu' }));

  app.post(
    '/password',
    {
      config: {
        rateLimit: {
          max: app.web.loginAttemptsPerMinute,
          timeWindow: 60_000,
          keyGenerator: (request) => `account|${request.ip}|${request.user ?? ''}`,
        },
      },
    },
    async (request, reply) => {
      const user = request.user ?? '';
      const parsed = PasswordBody.safeParse(request.body ?? {});
      const body = parsed.success ? parsed.data : { current: '', password: '', confirm: '' };
      const refuse = (error: string, status: number) => reply.page('account', { title: 'Đổi mật khẩu', error }, status);
      const stored = await app.access.users.find(user);
      if (!stored || !(await verifyPassword(body.current, stored.passwordHash))) {
        return refuse('Mật khẩu hiện tại không đúng.', 401);
      }
      if ([...body.password].length < MIN_LENGTH) return refuse(`Mật khẩu mới cần ít nhất ${MIN_LENGTH} ký tự.`, 400);
      if (body.password !== body.confirm) return refuse('Hai lần nhập mật khẩu mới không khớp nhau.', 400);
      await app.access.users.setPassword(user, await hashPassword(body.password), app.clock(), {
        ...(request.sessionId && { keepSessionId: request.sessionId }),
      });
      const done = 'Đã đổi mật khẩu. Các phiên đăng nhập khác của tài khoản này đã kết thúc.';
      return reply.page('account', { title: 'Đổi mật khẩu', done });
    },
  );
};

export default accountRoutes;
