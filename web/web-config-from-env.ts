import type { Config } from '../config/env';
import type { WebConfig } from './web-config';

/** The web part of the environment; accounts are in the database (see `bootstrapAccounts`). */
export function webConfigFromEnv(config: Config): WebConfig {
  return {
    namespace: config.env.TEMPORAL_NAMESPACE,
    secureCookies: config.env.PUBLIC_BASE_URL?.startsWith('https:') ?? false,
    trustProxy: config.env.TRUST_PROXY,
  };
}
