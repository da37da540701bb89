import type { FastifyPluginAsync } from 'fastify';

/** A health probe must answer quickly, whatever Temporal does. */
const HEALTH_DEADLINE_MS = 3000;

/** 200 when Temporal answers and a worker polls the task queue; 503 with the reason otherwise. */
const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/healthz', async (request, reply) => {
    const health = await app.core.health(app.web.namespace, HEALTH_DEADLINE_MS);
    if (health.temporal === 'unreachable') {
      request.log.warn({ err: health.error }, 'healthz: Temporal unreachable');
      return reply
        .code(503)
        .send({ status: 'unavailable', temporal: 'unreachable', reason: 'Temporal does not answer' });
    }
    if (health.pollers === 0) {
      return reply.code(503).send({
        status: 'unavailable',
        temporal: 'ok',
        worker: 'none',
        reason: `no worker polls "${app.core.taskQueue}"`,
      });
    }
    return { status: 'ok', temporal: 'ok', worker: 'ok' };
  });
};

export default healthRoutes;
