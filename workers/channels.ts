import path from 'node:path';
import type { NotifyDeps } from '../activities/notify/notify-deps';
import { createFileLedger } from '../activities/notify/sent-ledger';
import { createMailer, type Mailer } from '../channels/email';
import { FAKE_ZALO_DEFAULTS, FAKE_ZALO_TEMPLATE_IDS, startFakeZaloServer } from '../channels/fake-zalo';
import { startSmtpCapture } from '../channels/smtp-capture';
import {
  createFileTokenStore,
  createZaloClient,
  createZaloMessenger,
  createZaloTokenManager,
  type ZaloClient,
  type ZaloMessenger,
} from '../channels/zalo';
import type { Config } from '../config/env';
import { AppError } from '../domain/errors';

export interface RunningChannels {
  notify: Omit<NotifyDeps, 'now'>;
  /** One line per endpoint, for the start-up banner. */
  describe: string[];
  close(): Promise<void>;
}

/**
 * Email and Zalo as configured; with nothing configured, the embedded defaults: a local SMTP capture
 * (every email kept as .eml under data/mail/) and the fake Zalo server.
 */
export async function startChannels(config: Config, now: () => Date): Promise<RunningChannels> {
  const { env } = config;
  const closers: (() => Promise<void> | void)[] = [];
  const describe: string[] = [];
  try {
    let smtpUrl = env.SMTP_URL;
    if (!smtpUrl) {
      const dir = path.join(config.dataDir, 'mail');
      const capture = await startSmtpCapture({ host: env.HOST, port: env.SMTP_CAPTURE_PORT, dir }).catch(
        (err: unknown) => portError(err, env.SMTP_CAPTURE_PORT, 'SMTP capture', 'set SMTP_CAPTURE_PORT or SMTP_URL'),
      );
      closers.push(() => capture.close());
      smtpUrl = capture.url;
      describe.push(`SMTP capture         ${capture.url}  (emails kept in ${path.relative(process.cwd(), dir)}/)`);
    } else {
      describe.push(`SMTP                 ${redact(smtpUrl)}`);
    }
    const mailer: Mailer = createMailer({
      smtpUrl,
      from: env.SMTP_FROM,
      poolSize: env.SMTP_POOL_SIZE,
      tlsRejectUnauthorized: env.SMTP_TLS_REJECT_UNAUTHORIZED,
      clock: now,
    });
    closers.push(() => mailer.close());

    let zalo: ZaloMessenger;
    let client: ZaloClient;
    const tokenFile = env.ZALO_TOKEN_FILE ?? path.join(config.dataDir, 'zalo', 'tokens.json');
    if (env.ZALO_APP_ID && env.ZALO_APP_SECRET) {
      const base = env.ZALO_API_BASE_URL;
      client = createZaloClient({
        appId: env.ZALO_APP_ID,
        secretKey: env.ZALO_APP_SECRET,
        baseUrls: {
          ...(base && { zns: base, oa: base }),
          ...(env.ZALO_OAUTH_BASE_URL && { oauth: env.ZALO_OAUTH_BASE_URL }),
        },
        headersTimeoutMs: env.ZALO_HTTP_TIMEOUT_MS,
        bodyTimeoutMs: env.ZALO_HTTP_TIMEOUT_MS,
        now,
      });
      zalo = messenger(
        client,
        tokenFile,
        env.ZALO_REFRESH_TOKEN,
        env.ZALO_REFRESH_BEFORE_MINUTES,
        now,
        {
          reminder: env.ZALO_TEMPLATE_REMINDER ?? '',
          escalation: env.ZALO_TEMPLATE_ESCALATION ?? '',
          receipt: env.ZALO_TEMPLATE_RECEIPT ?? '',
        },
        env.ZALO_ZNS_MODE,
      );
      describe.push(`Zalo                 app ${env.ZALO_APP_ID}${base ? ` via ${base}` : ''}`);
    } else {
      const fake = await startFakeZaloServer({ host: env.HOST, port: env.FAKE_ZALO_PORT }).catch((err: unknown) =>
        portError(err, env.FAKE_ZALO_PORT, 'fake Zalo', 'set FAKE_ZALO_PORT, or ZALO_APP_ID for the real Zalo'),
      );
      closers.push(() => fake.close());
      client = createZaloClient({
        appId: FAKE_ZALO_DEFAULTS.appId,
        secretKey: FAKE_ZALO_DEFAULTS.secretKey,
        baseUrls: { zns: fake.url, oa: fake.url, oauth: fake.url },
        now,
      });
      const fakeTokens = path.join(config.dataDir, 'zalo', 'fake-tokens.json');
      zalo = messenger(
        client,
        fakeTokens,
        FAKE_ZALO_DEFAULTS.refreshToken,
        env.ZALO_REFRESH_BEFORE_MINUTES,
        now,
        FAKE_ZALO_TEMPLATE_IDS,
      );
      describe.push(`Fake Zalo            ${fake.url}  (ZNS, OA and OAuth; messages at ${fake.url}/__fake/messages)`);
    }
    closers.push(() => client.close());

    const ledger = createFileLedger(path.join(config.dataDir, 'ledger'));
    const dashboardUrl = `${publicBaseUrl(config).replace(/\/$/, '')}/`;
    return {
      notify: { mailer, zalo, ledger, dashboardUrl },
      describe,
      close: () => closeAll(closers),
    };
  } catch (err) {
    await closeAll(closers);
    throw err;
  }
}

/** Where people reach the web app: PUBLIC_BASE_URL, or the address it listens on. */
export function publicBaseUrl(config: Config): string {
  return config.env.PUBLIC_BASE_URL ?? `http://${config.env.HOST}:${config.env.PORT}`;
}

function messenger(
  client: ZaloClient,
  tokenFile: string,
  initialRefreshToken: string | undefined,
  refreshBeforeMinutes: number,
  now: () => Date,
  templates: { reminder: string; escalation: string; receipt: string },
  mode?: 'development',
): ZaloMessenger {
  const tokens = createZaloTokenManager({
    store: createFileTokenStore(tokenFile),
    auth: client.auth,
    initialRefreshToken,
    refreshBeforeMinutes,
    now,
  });
  return createZaloMessenger({ client, tokens, templates, ...(mode && { mode }) });
}

async function closeAll(closers: (() => Promise<void> | void)[]): Promise<void> {
  for (const close of closers.reverse()) {
    await Promise.resolve(close()).catch(() => undefined);
  }
}

function portError(err: unknown, port: number, role: string, hint: string): never {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code !== 'EADDRINUSE' && (err as { code?: unknown })?.code !== 'PORT_IN_USE') throw err;
  throw new AppError('PORT_IN_USE', `Port ${port} (${role}) is already in use: ${hint}.`, { cause: err });
}

/** The URL with the password of its user info masked, for start-up banners. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}
