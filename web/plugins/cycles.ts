import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { CycleReader } from '../cycles/cycle-reader';
import { TEMPORAL_DEADLINE_MS } from './app-context';

declare module 'fastify' {
  interface FastifyInstance {
    cycles: CycleReader;
  }
}

const cycles: FastifyPluginAsync = async (app) => {
  app.decorate(
    'cycles',
    new CycleReader({ core: app.core, deadlineMs: TEMPORAL_DEADLINE_MS, cacheMs: app.web.statusCacheMs }),
  );
};

export default fp(cycles, { name: 'dondoc-cycles', dependencies: ['dondoc-context'], fastify: '5.x' });
