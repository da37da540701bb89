import type { Config } from '../config/env';
import type { WebConfig } from './web-config';

/** The web part of the environment; accounts are in the database (see `bootstrapAccounts`). */
export function webConfigFromEnv(config: Config): WebConfig {
  return {
    namespace: config.env.TEMPORAL_NAMESPACE,
    secureCookies: config.env.PUBLIC_BASE_URL?.startsWith('https:') ?? false,
    trustProxy: config.env.TRUST_PROXY,
    ...(config.env.PUBLIC_BASE_URL && { publicBaseUrl: config.env.PUBLIC_BASE_URL }),
    // The Web UI of the embedded dev server (or the compose stack's, on the same port) unless told otherwise.
    codecOrigins: config.env.DONDOC_CODEC_ORIGINS ?? [
      `http://127.0.0.1:${config.env.TEMPORAL_UI_PORT}`,
      `http://localhost:${config.env.TEMPORAL_UI_PORT}`,
    ],
  };
}
