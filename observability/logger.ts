import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';
import pretty from 'pino-pretty';
import { isEmbedded, type Env } from '../config/env';

export type DondocLogger = PinoLogger;

/** The settings the logger reads (config/env.ts). */
export type LogEnv = Partial<Pick<Env, 'LOG_LEVEL' | 'LOG_FORMAT' | 'DATABASE_URL' | 'TEMPORAL_ADDRESS'>>;

/**
 * Fields that hold personal data or live links wherever they appear in a log object. Messages never interpolate
 * them; these paths catch an object logged whole (a contact, a notification, a submission request).
 */
export const REDACTED_PATHS = [
  'email',
  'phone',
  'name',
  'personName',
  'address',
  'recipients',
  'submissionUrl',
  'inboxUrl',
  'url',
  'token',
  'zaloUserId',
  'to',
  '*.email',
  '*.phone',
  '*.name',
  '*.personName',
  '*.address',
  '*.recipients',
  '*.submissionUrl',
  '*.inboxUrl',
  '*.token',
  '*.zaloUserId',
  '*.to',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

/** LOG_FORMAT, or its default: a person reads the embedded service's terminal, a collector reads production's. */
export function logFormatOf(env: LogEnv): 'json' | 'pretty' {
  const embedded = isEmbedded({ DATABASE_URL: env.DATABASE_URL, TEMPORAL_ADDRESS: env.TEMPORAL_ADDRESS });
  return env.LOG_FORMAT ?? (embedded ? 'pretty' : 'json');
}

/** A submission link's token is a live credential: request lines keep the path, never the token. */
export function maskLinkTokens(url: string | undefined): string | undefined {
  return url?.replace(/\/s\/[^/?#]+/g, '/s/[token]');
}

/**
 * The process's one logger: the service, Fastify and the Temporal SDK (through `sdkLogger`) all write through it.
 * Pretty output is formatted in this thread (`sync`), not in pino's transport worker, so the last lines before an
 * exit are never lost.
 */
export function createLogger(env: LogEnv, destination?: DestinationStream): DondocLogger {
  const options = {
    level: env.LOG_LEVEL ?? 'info',
    base: { service: 'dondoc' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Fastify keeps an instance's own serializers over its defaults.
    serializers: {
      req: (req: { method?: string; url?: string; ip?: string }) => ({
        method: req.method,
        url: maskLinkTokens(req.url),
        remoteAddress: req.ip,
      }),
    },
  };
  if (logFormatOf(env) === 'json') return pino(options, destination ?? pino.destination({ dest: 1, sync: true }));
  return pino(
    options,
    pretty({
      sync: true,
      colorize: false,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,service',
      destination: destination ?? 1,
    }),
  );
}
