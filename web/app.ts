import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { PayloadCodec } from '@temporalio/common';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { installErrorHandler } from './error-handler';
import appContext, { type AppContextOptions } from './plugins/app-context';
import auth from './plugins/auth';
import cycles from './plugins/cycles';
import securityHeaders from './plugins/security-headers';
import views from './plugins/views';
import accountRoutes from './routes/account';
import apiRoutes from './routes/api';
import authRoutes from './routes/auth';
import codecRoutes from './routes/codec';
import cycleRoutes from './routes/cycles';
import healthRoutes from './routes/healthz';
import inboxRoutes from './routes/inbox';
import linkRoutes from './routes/links';
import operationsRoutes, { type OperationsOptions } from './routes/operations';
import scheduleRoutes from './routes/schedules';
import { resolveWebConfig } from './web-config';

export interface BuildAppOptions extends AppContextOptions {
  /** The process's pino logger (dondoc start), or Fastify's own on/off. */
  logger?: boolean | FastifyBaseLogger;
  /** `/metrics`, and what `/readyz` checks besides Temporal. */
  operations?: OperationsOptions;
  /** The payload codec: given, `/codec/decode` and `/codec/encode` serve the Temporal Web UI. */
  payloadCodec?: PayloadCodec;
}

/** The whole web app, ready for `inject()` or `startWebServer`; it never listens by itself. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const web = resolveWebConfig(options.config);
  const app = Fastify({
    ...(typeof options.logger === 'object' ? { loggerInstance: options.logger } : { logger: options.logger ?? false }),
    trustProxy: web.trustProxy,
    bodyLimit: 1024 * 1024,
    connectionTimeout: web.connectionTimeoutMs,
    requestTimeout: web.requestTimeoutMs,
    // Node enforces requestTimeout at this interval (30 s by default), and only while headersTimeout is not longer.
    http: {
      connectionsCheckingInterval: Math.min(30_000, Math.ceil(web.requestTimeoutMs / 4)),
      headersTimeout: Math.min(60_000, web.requestTimeoutMs),
    },
    // Submission tokens are ~130 characters; the default limit of a path parameter is 100.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1000 },
  });
  await app.register(appContext, options);
  await app.register(securityHeaders);
  await app.register(auth);
  await app.register(views);
  await app.register(cycles);
  await app.register(formbody);
  await app.register(multipart, {
    limits: {
      fileSize: app.web.maxFileBytes,
      files: app.web.maxFiles,
      fields: 100,
      fieldSize: 100 * 1024,
      parts: app.web.maxFiles + 100,
    },
  });
  await app.register(rateLimit, { global: false, hook: 'preHandler' });
  installErrorHandler(app);

  await app.register(healthRoutes);
  await app.register(operationsRoutes, options.operations ?? {});
  await app.register(authRoutes);
  await app.register(accountRoutes, { prefix: '/account' });
  await app.register(linkRoutes, { prefix: '/s' });
  await app.register(inboxRoutes, { prefix: '/i' });
  await app.register(cycleRoutes, { prefix: '/cycles' });
  await app.register(scheduleRoutes, { prefix: '/schedules' });
  await app.register(apiRoutes, { prefix: '/api/v1' });
  if (options.payloadCodec) {
    await app.register(codecRoutes, { prefix: '/codec', codec: options.payloadCodec, origins: app.web.codecOrigins });
  }
  app.get('/', (_request, reply) => reply.redirect('/cycles', 303));
  await app.ready();
  return app;
}
