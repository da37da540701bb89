import { loadClientConnectConfig } from '@temporalio/envconfig';
import type { NativeConnectionOptions } from '@temporalio/worker';
import type { Config } from '../config/env';

export interface TemporalTarget {
  connectionOptions: NativeConnectionOptions;
  namespace: string;
}

/**
 * Temporal's standard connection settings (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_API_KEY,
 * TEMPORAL_TLS_*, TEMPORAL_PROFILE and its TOML file) through `@temporalio/envconfig`; `address` overrides
 * the address when dondoc runs its own dev server.
 */
export function temporalTarget(config: Config, address?: string): TemporalTarget {
  const loaded = loadClientConnectConfig({ overrideEnvVars: { ...config.rawEnv } });
  return {
    connectionOptions: { ...loaded.connectionOptions, ...(address ? { address } : {}) },
    namespace: loaded.namespace ?? config.env.TEMPORAL_NAMESPACE,
  };
}
