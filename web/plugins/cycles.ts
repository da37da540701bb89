import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { CycleReader } from '../cycles/cycle-reader';

declare module 'fastify' {
  interface FastifyInstance {
    cycles: CycleReader;
  }
}

const cycles: FastifyPluginAsync = async (app) => {
  app.decorate(
    'cycles',
    new CycleReader({
      withTemporal: (fn) => app.withTemporal(fn),
      plans: app.plans,
      concurrency: app.web.queryConcurrency,
      cacheMs: app.web.statusCacheMs,
    }),
  );
};

export default fp(cycles, { name: 'dondoc-cycles', dependencies: ['dondoc-context'], fastify: '5.x' });
