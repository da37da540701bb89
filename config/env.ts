import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../domain/errors';
import { formatIssuePath } from '../domain/issue-path';
import { parsePayloadKeys, type PayloadKey } from './payload-keys';
import { projectRoot } from './project-root';

const port = z.coerce.number().int().min(1).max(65535);
const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');
/** A signing secret's length at least, so that an HMAC key is never guessable. */
export const SECRET_MIN_BYTES = 32;
const secret = z.string().refine((value) => Buffer.byteLength(value, 'utf8') >= SECRET_MIN_BYTES, {
  error: 'must be at least 32 bytes (e.g. `openssl rand -base64 32`)',
});
const optionalPath = z
  .string()
  .optional()
  .transform((value) => (value ? value : undefined));

/** A comma-separated list, each item trimmed and checked by `item`; unset or empty is an empty list. */
function commaSeparated<T extends z.ZodType<unknown, string>>(item: T) {
  return optionalPath.pipe(
    z
      .string()
      .optional()
      .transform((text) =>
        (text ?? '')
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean),
      )
      .pipe(z.array(item)),
  );
}

/** Every environment variable dondoc reads. Parsed once at start; nothing else reads `process.env`. */
export const EnvSchema = z
  .object({
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
    /**
     * Interface the web server binds to (`0.0.0.0` in a container). The embedded Temporal dev server, SMTP capture
     * and fake Zalo always stay on 127.0.0.1. @defaultValue `127.0.0.1`
     */
    HOST: z.string().min(1).default('127.0.0.1'),
    /** Port of the web server. @defaultValue 3000 */
    PORT: port.default(3000),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    /** `json` (one object a line) or `pretty` (for a person). Unset: pretty in embedded mode, json otherwise. */
    LOG_FORMAT: z.enum(['json', 'pretty'], { error: 'must be json or pretty' }).optional(),
    /** A bearer token `/metrics` then requires; unset: `/metrics` is open to whoever reaches the web port. */
    METRICS_TOKEN: optionalPath,
    /** Loopback port of the Temporal SDK's own Prometheus exporter (served again by `/metrics`). Unset: a free one. */
    TEMPORAL_METRICS_PORT: port.optional(),
    /** Base of the links put into messages (submission links, dashboard). @defaultValue `http://127.0.0.1:3000` */
    PUBLIC_BASE_URL: z.url().optional(),
    /**
     * The reverse proxy in front of the web server, whose X-Forwarded-For and X-Forwarded-Proto are believed (the
     * client's address for the per-IP limits; https for HSTS and Secure cookies): its addresses or CIDRs
     * comma-separated (`172.16.0.0/12`, `loopback`), or `true` (any sender: only when nothing but the proxy reaches
     * the port). @defaultValue none
     */
    TRUST_PROXY: optionalPath
      .pipe(
        z
          .string()
          .regex(/^(true|false|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/, {
            error: 'must be true, false, or the proxy addresses/CIDRs comma-separated',
          })
          .optional(),
      )
      .transform((value): boolean | string =>
        value === undefined || value === 'false' ? false : value === 'true' || value,
      ),
    /**
     * The signing secret (links, sessions, CSRF), at least 32 bytes. Unset: generated once under data/secrets/ in
     * embedded mode only; with DATABASE_URL or TEMPORAL_ADDRESS it must be set (every host must share it).
     */
    DONDOC_SECRET: secret.optional(),
    /** Secrets still accepted for verification after a rotation, comma-separated; each at least 32 bytes. */
    DONDOC_PREVIOUS_SECRETS: commaSeparated(secret),
    /**
     * Keys of the payload codec that encrypts workflow inputs, results and messages in Temporal (AES-256-GCM):
     * `<id>:<base64 of 32 bytes>`, comma-separated; the first encrypts, every one decrypts (rotation: put the new key
     * first, keep the old ones after it). Unset: generated once under data/secrets/ in embedded mode only; with
     * DATABASE_URL or TEMPORAL_ADDRESS it must be set (every host must share it).
     */
    DONDOC_PAYLOAD_KEYS: optionalPath.transform((text, ctx): readonly PayloadKey[] | undefined => {
      if (text === undefined) return undefined;
      const parsed = parsePayloadKeys(text);
      if ('keys' in parsed) return parsed.keys;
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }),

    /**
     * Origins of the Temporal Web UI allowed to call `/codec` with an operator's dashboard cookie, comma-separated.
     * @defaultValue `http://127.0.0.1:<TEMPORAL_UI_PORT>,http://localhost:<TEMPORAL_UI_PORT>`
     */
    DONDOC_CODEC_ORIGINS: optionalPath.pipe(
      z
        .string()
        .optional()
        .transform((text) =>
          text === undefined
            ? undefined
            : text
                .split(',')
                .map((item) => item.trim().replace(/\/$/, ''))
                .filter(Boolean),
        )
        .pipe(z.array(z.url({ protocol: /^https?$/, error: 'must be http(s) origins, comma-separated' })).optional()),
    ),

    /** `postgres://user:pass@host:5432/db`: dondoc's own state in PostgreSQL. Unset: PGlite under data/db/. */
    DATABASE_URL: optionalPath.pipe(
      z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
    ),
    /** Connections to DATABASE_URL at most, per process. @defaultValue 10 */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /** Where uploads and reports are kept: `local` (data/files), `database`, or `s3`. @defaultValue `local` */
    BLOB_STORE: z.enum(['local', 'database', 's3'], { error: 'must be local, database or s3' }).default('local'),
    /** The bucket, when BLOB_STORE=s3. */
    S3_BUCKET: optionalPath,
    /** An S3-compatible endpoint (MinIO); unset: AWS. */
    S3_ENDPOINT: optionalPath.pipe(z.url().optional()),
    /** @defaultValue `us-east-1` */
    S3_REGION: z.string().min(1).default('us-east-1'),
    /** Unset: the AWS SDK's own credential chain. */
    S3_ACCESS_KEY_ID: optionalPath,
    S3_SECRET_ACCESS_KEY: optionalPath,
    /** Path-style URLs (`endpoint/bucket/key`), as MinIO wants. @defaultValue false */
    S3_FORCE_PATH_STYLE: flag.default(false),
    /**
     * Dashboard accounts, `name:scrypt$…` comma-separated, written into the users table at each start (`dondoc user`
     * manages the others). Unset in embedded mode: one `admin` with a generated password.
     */
    DONDOC_USERS: optionalPath,

    /** `smtp://user:pass@host:587` or `smtps://…:465`. Unset: a local SMTP capture keeps every email under data/mail/. */
    SMTP_URL: optionalPath.pipe(z.url().optional()),
    /** The sender; its domain also names Message-IDs. */
    SMTP_FROM: z.string().min(3).default('"Hệ thống đôn đốc dondoc" <dondoc@localhost>'),
    /** Open SMTP connections at most. @defaultValue 5 */
    SMTP_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(5),
    /** Refuse SMTP servers with invalid certificates. @defaultValue true */
    SMTP_TLS_REJECT_UNAUTHORIZED: flag.default(true),
    /** Port of the embedded SMTP capture (when SMTP_URL is unset). @defaultValue 2525 */
    SMTP_CAPTURE_PORT: port.default(2525),
    /**
     * Who is emailed when a yearly schedule cannot start its cycle (a missing or invalid plan), comma-separated.
     * Unset: the plan's supervisor unit (Phòng Nội vụ).
     */
    DONDOC_ADMIN_EMAILS: commaSeparated(z.email()),

    /**
     * The address replies to dondoc's emails go to (Reply-To); the inbound SMTP relay accepts mail for it only.
     * @defaultValue the address inside SMTP_FROM
     */
    INBOUND_ADDRESS: optionalPath.pipe(z.email({ error: 'must be an email address' }).optional()),
    /**
     * A mailbox dondoc polls for replies: `imaps://user:pass@host:993` (`imap://` only on a trusted network). Unset:
     * no IMAP polling.
     */
    INBOUND_IMAP_URL: optionalPath.pipe(
      z.url({ protocol: /^imaps?$/, error: 'must be an imap:// or imaps:// URL' }).optional(),
    ),
    /** A file holding the IMAP password (a Docker secret); it wins over a password in INBOUND_IMAP_URL. */
    INBOUND_IMAP_PASSWORD_FILE: optionalPath,
    /** The folder polled. @defaultValue `INBOX` */
    INBOUND_IMAP_MAILBOX: z.string().min(1).default('INBOX'),
    /** Where handled messages are moved (besides being flagged \Seen). Unset: they stay where they are. */
    INBOUND_IMAP_DONE_MAILBOX: optionalPath,
    /** Seconds between two looks at the mailbox (IDLE, when the server offers it, wakes dondoc sooner). @defaultValue 60 */
    INBOUND_POLL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
    /** Refuse IMAP servers with invalid certificates. @defaultValue true */
    INBOUND_IMAP_TLS_REJECT_UNAUTHORIZED: flag.default(true),
    /** Port of the inbound SMTP relay listener (mail relayed by your MX). Unset: no listener. */
    INBOUND_SMTP_PORT: port.optional(),
    /** Interface the inbound SMTP relay binds to. @defaultValue `127.0.0.1` */
    INBOUND_SMTP_HOST: z.string().min(1).default('127.0.0.1'),
    /** `user:pass` the relay must log in with; unset: no authentication (keep the port on a private network). */
    INBOUND_SMTP_AUTH: optionalPath.pipe(
      z
        .string()
        .regex(/^[^:]+:.+$/, { error: 'must be user:password' })
        .optional(),
    ),
    /** Largest email the inbound SMTP relay accepts, in bytes (552 above it). @defaultValue 26214400 (25 MB) */
    INBOUND_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(25 * 1024 * 1024),

    /** The Zalo app; unset: the embedded fake Zalo server stands in for ZNS, OA and OAuth. */
    ZALO_APP_ID: optionalPath,
    ZALO_APP_SECRET: optionalPath,
    /** The first refresh token (from the OA's authorisation); later ones are kept in the database (`zalo_tokens`). */
    ZALO_REFRESH_TOKEN: optionalPath,
    /** Points ZNS and OA calls at another host (a proxy, or the fake). */
    ZALO_API_BASE_URL: optionalPath.pipe(z.url().optional()),
    ZALO_OAUTH_BASE_URL: optionalPath.pipe(z.url().optional()),
    /**
     * Where a dondoc before the database kept the token pair: read once, while the database has no pair yet.
     * @defaultValue `<DONDOC_DATA_DIR>/zalo/tokens.json`
     */
    ZALO_TOKEN_FILE: optionalPath,
    ZALO_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
    ZALO_REFRESH_BEFORE_MINUTES: z.coerce.number().int().min(1).default(60),
    /** Approved ZNS template ids of the OA. */
    ZALO_TEMPLATE_REMINDER: optionalPath,
    ZALO_TEMPLATE_ESCALATION: optionalPath,
    /** `development` sends ZNS to the OA's admins only. */
    ZALO_ZNS_MODE: z.enum(['development']).optional(),
    /** Port of the embedded fake Zalo server (when ZALO_APP_ID is unset). @defaultValue 8790 */
    FAKE_ZALO_PORT: port.default(8790),
  })
  .superRefine((env, ctx) => {
    if (!env.DONDOC_SECRET && (env.DATABASE_URL || env.TEMPORAL_ADDRESS)) {
      const why = env.DATABASE_URL ? 'DATABASE_URL' : 'TEMPORAL_ADDRESS';
      ctx.addIssue({ code: 'custom', path: ['DONDOC_SECRET'], message: `is required when ${why} is set` });
    }
    if (!env.DONDOC_PAYLOAD_KEYS && (env.DATABASE_URL || env.TEMPORAL_ADDRESS)) {
      const why = env.DATABASE_URL ? 'DATABASE_URL' : 'TEMPORAL_ADDRESS';
      ctx.addIssue({ code: 'custom', path: ['DONDOC_PAYLOAD_KEYS'], message: `is required when ${why} is set` });
    }
    if (env.BLOB_STORE === 's3' && !env.S3_BUCKET) {
      ctx.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'is required when BLOB_STORE=s3' });
    }
    if (!env.ZALO_APP_ID) return;
    for (const name of ['ZALO_APP_SECRET', 'ZALO_TEMPLATE_REMINDER', 'ZALO_TEMPLATE_ESCALATION'] as const) {
      if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required when ZALO_APP_ID is set' });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

/** Neither DATABASE_URL nor TEMPORAL_ADDRESS: one machine, so dondoc may make its own secret and dev account. */
export function isEmbedded(env: Pick<Env, 'DATABASE_URL' | 'TEMPORAL_ADDRESS'>): boolean {
  return !env.DATABASE_URL && !env.TEMPORAL_ADDRESS;
}

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
    // One line naming each variable: it is what an operator sees when start-up refuses.
    const lines = parsed.error.issues.map((issue) => `${formatIssuePath(issue.path)} ${issue.message}`);
    throw new AppError('CONFIG_INVALID', lines.join('; '));
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
