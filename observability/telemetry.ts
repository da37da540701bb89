import { Runtime } from '@temporalio/worker';
import type { Config } from '../config/env';
import { LOOPBACK } from '../workers/loopback';
import { freePort } from '../workers/port-check';
import { createLogger, logFormatOf, type DondocLogger } from './logger';
import { createDondocMetrics, type DondocMetrics } from './metrics';
import { sdkLogger } from './sdk-logger';

export interface Telemetry {
  logger: DondocLogger;
  metrics: DondocMetrics;
  /** The SDK's Prometheus exporter, on loopback: `/metrics` serves it again. */
  sdkMetricsUrl: string;
}

/**
 * The process's logger and metrics, and the Temporal runtime that uses them: the SDK's logs (the worker's own,
 * workflows' and activities') go through pino, and its worker metrics to a loopback exporter.
 * Once per process, before any connection or worker (`Runtime.install` throws after the default runtime exists).
 * We own the signals: the SDK's default handlers would stop the worker but not the dev server.
 */
export async function installTelemetry(config: Config): Promise<Telemetry> {
  const logger = createLogger(config.env);
  const port = config.env.TEMPORAL_METRICS_PORT ?? (await freePort());
  const bindAddress = `${LOOPBACK}:${port}`;
  installSdkRuntime(logger, { metricsBindAddress: bindAddress, shutdownSignals: [], format: logFormatOf(config.env) });
  return { logger, metrics: createDondocMetrics(), sdkMetricsUrl: `http://${bindAddress}/metrics` };
}

/** `Runtime.install` with pino as the SDK's logger; `simulate` uses it without metrics and with its signals. */
export function installSdkRuntime(
  logger: DondocLogger,
  options: { metricsBindAddress?: string; shutdownSignals?: NodeJS.Signals[]; format?: 'json' | 'pretty' } = {},
): void {
  const debug = logger.isLevelEnabled('debug');
  Runtime.install({
    logger: sdkLogger(logger),
    ...(options.shutdownSignals && { shutdownSignals: options.shutdownSignals }),
    telemetryOptions: {
      // Core's native lines (connections, polls) go to stderr in the same format, not through pino: forwarding them
      // holds a native callback that keeps the process alive when start-up fails before any connection is made.
      logging: {
        filter: { core: debug ? 'INFO' : 'WARN', other: 'ERROR' },
        console: { format: options.format === 'json' ? 'json' : 'compact' },
      },
      ...(options.metricsBindAddress && {
        metrics: { prometheus: { bindAddress: options.metricsBindAddress, countersTotalSuffix: true } },
      }),
    },
  });
}
