import type { Client } from '@temporalio/client';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { PlanStore } from '../../storage/plan-store';
import { deriveKey } from '../../links/signed-value';
import { resolveWebConfig, type ResolvedWebConfig, type WebConfig } from '../web-config';

export interface AppContextOptions {
  config: WebConfig;
  temporal: { client: Client };
  plans: PlanStore;
  /** The key of submission links (`loadLinkSecret`); session and CSRF keys are derived from it. */
  linkSecret: Buffer;
  now?: () => Date;
}

/** How long one page may wait for Temporal, ms. */
export const TEMPORAL_DEADLINE_MS = 10_000;

declare module 'fastify' {
  interface FastifyInstance {
    web: Readonly<ResolvedWebConfig>;
    temporal: Client;
    plans: PlanStore;
    clock: () => Date;
    keys: { link: Buffer; session: Buffer; csrf: Buffer };
    /** Runs `fn` with a deadline on every Temporal call in it: a missing worker must not hang a page. */
    withTemporal<T>(fn: (client: Client) => Promise<T>, deadlineMs?: number): Promise<T>;
  }
}

/** The app's dependencies, as decorations every other plugin reads. */
const appContext: FastifyPluginAsync<AppContextOptions> = async (app, options) => {
  const clock = options.now ?? (() => new Date());
  const client = options.temporal.client;
  app.decorate('web', resolveWebConfig(options.config));
  app.decorate('temporal', client);
  app.decorate('plans', options.plans);
  app.decorate('clock', clock);
  app.decorate('keys', {
    link: options.linkSecret,
    session: deriveKey(options.linkSecret, 'session'),
    csrf: deriveKey(options.linkSecret, 'csrf'),
  });
  app.decorate('withTemporal', <T>(fn: (c: Client) => Promise<T>, deadlineMs = TEMPORAL_DEADLINE_MS) =>
    client.withDeadline(Date.now() + deadlineMs, () => fn(client)),
  );
};

export default fp(appContext, { name: 'dondoc-context', fastify: '5.x' });
