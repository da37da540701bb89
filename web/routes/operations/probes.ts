import type { FastifyPluginAsync } from 'fastify';
import type { OperationsOptions } from './operations-options';

/** A probe must answer quickly, whatever Temporal or the database do. */
const PROBE_DEADLINE_MS = 3000;

function withDeadline(promise: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_DEADLINE_MS} ms`)), PROBE_DEADLINE_MS);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/**
 * `/livez`: the process answers (a restart is the cure otherwise). `/readyz`: it can do its work now: Temporal
 * answers, a worker polls the task queue and the database answers; 503 with the first reason otherwise.
 */
const probeRoutes: FastifyPluginAsync<OperationsOptions> = async (app, options) => {
  app.get('/livez', async () => ({ status: 'ok' }));

  app.get('/readyz', async (request, reply) => {
    const unavailable = (reason: string, detail: Record<string, string>) =>
      reply.code(503).send({ status: 'unavailable', ...detail, reason });
    const health = await app.core.health(app.web.namespace, PROBE_DEADLINE_MS);
    if (health.temporal === 'unreachable') {
      request.log.warn({ err: health.error }, 'readyz: Temporal unreachable');
      return unavailable('Temporal does not answer', { temporal: 'unreachable' });
    }
    if (health.pollers === 0) {
      return unavailable(`no worker polls "${app.core.taskQueue}"`, { temporal: 'ok', worker: 'none' });
    }
    if (options.pingDatabase) {
      try {
        await withDeadline(options.pingDatabase());
      } catch (err) {
        request.log.warn({ err }, 'readyz: database unreachable');
        return unavailable('the database does not answer', { temporal: 'ok', worker: 'ok', database: 'unreachable' });
      }
    }
    return { status: 'ok', temporal: 'ok', worker: 'ok', database: options.pingDatabase ? 'ok' : 'not checked' };
  });
};

export default probeRoutes;
