import { Runtime } from '@temporalio/worker';
import type { Config } from '../config/env';
import { LOOPBACK } from '../workers/loopback';
import { freePort } from '../workers/port-check';
import { createLogger, type DondocLogger } from './logger';
import { createDondocMetrics, type DondocMetrics } from './metrics';
import { sdkLogger } from './sdk-logger';

export interface Telemetry {
  logger: DondocLogger;
  metrics: DondocMetrics;
  /** The SDK's Prometheus exporter, on loopback: `/metrics` serves it again. */
  sdkMetricsUrl: string;
}

/**
 * The process's logger and metrics, and the Temporal runtime that uses them: the SDK's logs (its own, Core's
 * forwarded ones, workflows' and activities') go through pino, and its worker metrics to a loopback exporter.
 * Once per process, before any connection or worker (`Runtime.install` throws after the default runtime exists).
 * We own the signals: the SDK's default handlers would stop the worker but not the dev server.
 */
export async function installTelemetry(config: Config): Promise<Telemetry> {
  const logger = createLogger(config.env);
  const port = config.env.TEMPORAL_METRICS_PORT ?? (await freePort());
  const bindAddress = `${LOOPBACK}:${port}`;
  installSdkRuntime(logger, { metricsBindAddress: bindAddress, shutdownSignals: [] });
  return { logger, metrics: createDondocMetrics(), sdkMetricsUrl: `http://${bindAddress}/metrics` };
}

/** `Runtime.install` with pino as the SDK's logger; `simulate` uses it without metrics and with its signals. */
export function installSdkRuntime(
  logger: DondocLogger,
  options: { metricsBindAddress?: string; shutdownSignals?: NodeJS.Signals[] } = {},
): void {
  const debug = logger.isLevelEnabled('debug');
  Runtime.install({
    logger: sdkLogger(logger),
    ...(options.shutdownSignals && { shutdownSignals: options.shutdownSignals }),
    telemetryOptions: {
      // Core's own lines (connections, polls) reach pino too, instead of going straight to stderr.
      logging: { filter: { core: debug ? 'INFO' : 'WARN', other: 'ERROR' }, forward: {} },
      ...(options.metricsBindAddress && {
        metrics: { prometheus: { bindAddress: options.metricsBindAddress, countersTotalSuffix: true } },
      }),
    },
  });
}
