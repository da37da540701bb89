import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../domain/errors';
import { projectRoot } from './project-root';

const port = z.coerce.number().int().min(1).max(65535);
const optionalPath = z
  .string()
  .optional()
  .transform((value) => (value ? value : undefined));

/** Every environment variable dondoc reads. Parsed once at start; nothing else reads `process.env`. */
export const EnvSchema = z.object({
  /** Temporal frontend `host:port`. Unset: `dondoc start` runs its own dev server. */
  TEMPORAL_ADDRESS: optionalPath,
  /** @defaultValue `default` */
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  /** @defaultValue `dondoc` */
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('dondoc'),
  /** The Temporal CLI binary; otherwise `.tools/temporal/bin/temporal`, then `temporal` on PATH. */
  TEMPORAL_CLI_PATH: optionalPath,
  /** The time-skipping test server binary; otherwise `.tools/temporal/bin/temporal-test-server`. */
  TEMPORAL_TEST_SERVER_PATH: optionalPath,
  /** Port of the embedded dev server's frontend. @defaultValue 7233 */
  TEMPORAL_DEV_PORT: port.default(7233),
  /** Port of the embedded dev server's Web UI. @defaultValue 8233 */
  TEMPORAL_UI_PORT: port.default(8233),
  /** Where dondoc keeps its state (SQLite, mail capture, files), relative to the working directory. @defaultValue `data` */
  DONDOC_DATA_DIR: z.string().min(1).default('data'),
  /** Interface the web server and embedded services bind to. @defaultValue `127.0.0.1` */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Port of the web server. @defaultValue 3000 */
  PORT: port.default(3000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  readonly env: Env;
  readonly dataDir: string;
  readonly projectRoot: string;
  /** The raw environment, for `@temporalio/envconfig`, which reads the standard TEMPORAL_* variables itself. */
  readonly rawEnv: Readonly<Record<string, string>>;
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new AppError('CONFIG_INVALID', `Invalid environment:\n  ${lines.join('\n  ')}`);
  }
  const rawEnv = Object.fromEntries(
    Object.entries(source).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return Object.freeze({
    env: parsed.data,
    dataDir: path.resolve(parsed.data.DONDOC_DATA_DIR),
    projectRoot: projectRoot(),
    rawEnv,
  });
}
