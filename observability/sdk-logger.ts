import type { Logger as SdkLogger, LogLevel, LogMetadata } from '@temporalio/common';
import type { DondocLogger } from './logger';

const LEVELS: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * The Temporal SDK's `Logger` on top of pino: the worker's own lines, `log` in workflows and `Context.current().log`
 * in activities (with the attributes our interceptors add: cycle, unit, obligation) all reach the one logger.
 */
export function sdkLogger(logger: DondocLogger): SdkLogger {
  const write = (level: LogLevel, message: string, meta?: LogMetadata): void => {
    const method = LEVELS[level];
    if (!logger.isLevelEnabled(method)) return;
    // The SDK's `sdkComponent` and attributes become fields of the line; symbols are not serialisable.
    const fields = meta ? Object.fromEntries(Object.entries(meta)) : {};
    logger[method](fields, message);
  };
  return {
    log: write,
    trace: (message, meta) => write('TRACE', message, meta),
    debug: (message, meta) => write('DEBUG', message, meta),
    info: (message, meta) => write('INFO', message, meta),
    warn: (message, meta) => write('WARN', message, meta),
    error: (message, meta) => write('ERROR', message, meta),
  };
}
