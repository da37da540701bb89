import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { CycleCore } from '../../cycles';
import { deriveKey } from '../../links/signed-value';
import { resolveWebConfig, type ResolvedWebConfig, type WebConfig } from '../web-config';

export interface AppContextOptions {
  config: WebConfig;
  /** The application core: every read and change of a cycle goes through it. */
  core: CycleCore;
  /** The key of submission links (`loadLinkSecret`); session and CSRF keys are derived from it. */
  linkSecret: Buffer;
  now?: () => Date;
}

/** How long one page may wait for Temporal, ms. */
export const TEMPORAL_DEADLINE_MS = 10_000;

declare module 'fastify' {
  interface FastifyInstance {
    web: Readonly<ResolvedWebConfig>;
    core: CycleCore;
    clock: () => Date;
    keys: { link: Buffer; session: Buffer; csrf: Buffer };
  }
}

/** The app's dependencies, as decorations every other plugin reads. */
const appContext: FastifyPluginAsync<AppContextOptions> = async (app, options) => {
  app.decorate('web', resolveWebConfig(options.config));
  app.decorate('core', options.core);
  app.decorate('clock', options.now ?? (() => new Date()));
  app.decorate('keys', {
    link: options.linkSecret,
    session: deriveKey(options.linkSecret, 'session'),
    csrf: deriveKey(options.linkSecret, 'csrf'),
  });
};

export default fp(appContext, { name: 'dondoc-context', fastify: '5.x' });
