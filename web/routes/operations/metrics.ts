import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { fetchSdkMetrics } from '../../../observability/sdk-metrics';
import type { OperationsOptions } from './operations-options';

function bearerMatches(request: FastifyRequest, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim() ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `/metrics` in the Prometheus text format: dondoc's series, then the Temporal SDK's (one scrape target). No login:
 * it is for the operator's Prometheus, reached only as the operator allows (METRICS_TOKEN, a bind or a firewall).
 */
const metricsRoutes: FastifyPluginAsync<OperationsOptions> = async (app, options) => {
  const { metrics } = options;
  if (!metrics) return;
  app.get('/metrics', async (request, reply) => {
    if (options.metricsToken && !bearerMatches(request, options.metricsToken)) {
      return reply.code(401).header('www-authenticate', 'Bearer').send('unauthorized\n');
    }
    const [own, sdk] = await Promise.all([
      metrics.registry.metrics(),
      options.sdkMetricsUrl ? fetchSdkMetrics(options.sdkMetricsUrl) : Promise.resolve(''),
    ]);
    return reply.type(metrics.registry.contentType).send(sdk ? `${own}\n${sdk}` : own);
  });
};

export default metricsRoutes;
