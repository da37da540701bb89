import type { FastifyPluginAsync } from 'fastify';
import metricsRoutes from './metrics';
import type { OperationsOptions } from './operations-options';
import probeRoutes from './probes';

export type { OperationsOptions } from './operations-options';

/** The operator's endpoints beside `/healthz`: `/livez`, `/readyz` and `/metrics`. */
const operationsRoutes: FastifyPluginAsync<OperationsOptions> = async (app, options) => {
  await app.register(probeRoutes, options);
  await app.register(metricsRoutes, options);
};

export default operationsRoutes;
