import type { FastifyPluginAsync } from 'fastify';

/** TaskQueueType WORKFLOW and TaskQueueKind NORMAL (`@temporalio/proto` is not a direct dependency). */
const TASK_QUEUE_TYPE_WORKFLOW = 1;
const TASK_QUEUE_KIND_NORMAL = 1;
/** A health probe must answer quickly, whatever Temporal does. */
const HEALTH_DEADLINE_MS = 3000;

/** 200 when Temporal answers and a worker polls the task queue; 503 with the reason otherwise. */
const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/healthz', async (request, reply) => {
    const { namespace, taskQueue } = app.web;
    try {
      const pollers = await app.withTemporal(async (client) => {
        await client.workflowService.getSystemInfo({});
        const described = await client.workflowService.describeTaskQueue({
          namespace,
          taskQueue: { name: taskQueue, kind: TASK_QUEUE_KIND_NORMAL },
          taskQueueType: TASK_QUEUE_TYPE_WORKFLOW,
        });
        return described.pollers?.length ?? 0;
      }, HEALTH_DEADLINE_MS);
      if (pollers === 0) {
        return reply
          .code(503)
          .send({ status: 'unavailable', temporal: 'ok', worker: 'none', reason: `no worker polls "${taskQueue}"` });
      }
      return { status: 'ok', temporal: 'ok', worker: 'ok' };
    } catch (err) {
      request.log.warn({ err }, 'healthz: Temporal unreachable');
      return reply
        .code(503)
        .send({ status: 'unavailable', temporal: 'unreachable', reason: 'Temporal does not answer' });
    }
  });
};

export default healthRoutes;
