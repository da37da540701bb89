import path from 'node:path';
import type { NotifyDeps } from '../activities/notify/notify-deps';
import { createSendSlots } from '../activities/notify/send-slots';
import type { SentLedger } from '../activities/notify/sent-ledger';
import { createMailer, type Mailer } from '../channels/email';
import {
  FAKE_ZALO_DEFAULTS,
  FAKE_ZALO_TEMPLATE_IDS,
  startFakeZaloServer,
  type FakeZaloOptions,
} from '../channels/fake-zalo';
import { startSmtpCapture, type CapturedMessage } from '../channels/smtp-capture';
import {
  createMemoryTokenStore,
  createZaloClient,
  createZaloMessenger,
  createZaloTokenManager,
  readTokenFile,
  type ZaloMessenger,
  type ZaloTokenStore,
} from '../channels/zalo';
import type { Config } from '../config/env';
import { AppError } from '../domain/errors';
import { redactUrl } from '../domain/redact-url';
import type { DondocMetrics } from '../observability/metrics';
import { LOOPBACK } from './loopback';

/** Zalo calls under way at once per process (the HTTP client keeps as many connections). */
const ZALO_SENDS_AT_ONCE = 8;

export interface RunningChannels {
  notify: Omit<NotifyDeps, 'now'>;
  /** One line per endpoint, for the start-up banner. */
  describe: string[];
  close(): Promise<void>;
}

/** What the embedded channels are, where a real one is not configured. */
export interface EmbeddedChannels {
  /** Where the SMTP capture keeps every email as .eml. */
  mailDir: string;
  /** 0 for any free port. */
  smtpCapturePort: number;
  fakeZaloPort: number;
  /** Options of the fake Zalo server (a simulation runs it on plan time, without a daily quota). */
  fakeZalo?: Pick<FakeZaloOptions, 'now' | 'dailyQuota'>;
}

export interface ChannelOptions {
  now: () => Date;
  embedded: EmbeddedChannels;
  ledger: SentLedger;
  /**
   * Where the Zalo token pair of an account (`app <id>`, or `fake <url>` for a fake Zalo this process did not start)
   * is kept: the database's store, shared by every host. None keeps it in memory (a run that leaves nothing); the
   * fake Zalo this process starts forgets its tokens when it stops, so its pair is always kept in memory.
   */
  zaloTokenStore?: (account: string) => ZaloTokenStore;
  /** Where a dondoc before the database kept the pair (ZALO_TOKEN_FILE wins): read once, while the store is empty. */
  tokenDir?: string;
  /** Wraps what is built, e.g. to record every accepted send (`simulate`). */
  tap?: { mailer(inner: Mailer): Mailer; zalo(inner: ZaloMessenger): ZaloMessenger };
  /** Where links in messages point people; none for a run nobody opens. */
  dashboardUrl?: string;
  /** dondoc's Prometheus series, counted by the activities and the Zalo token manager. */
  metrics?: DondocMetrics;
  /** Mail the embedded SMTP capture receives for dondoc's own address (a reply to a reminder); throws to answer 451. */
  onInboundMail?: (raw: Buffer, receivedAt: Date) => Promise<unknown>;
}

/**
 * Email and Zalo as configured (SMTP_URL; ZALO_APP_ID and ZALO_APP_SECRET), and for what is not configured the
 * embedded defaults: a local SMTP capture (every email kept as .eml) and the fake Zalo server, or the fake Zalo at
 * ZALO_API_BASE_URL when one is given without app credentials.
 */
export async function startChannels(config: Config, options: ChannelOptions): Promise<RunningChannels> {
  const { env } = config;
  const { now, embedded } = options;
  const closers: (() => Promise<void> | void)[] = [];
  const describe: string[] = [];
  try {
    let smtpUrl = env.SMTP_URL;
    if (!smtpUrl) {
      const capture = await startSmtpCapture({
        host: LOOPBACK,
        port: embedded.smtpCapturePort,
        dir: embedded.mailDir,
        ...(options.onInboundMail && {
          onMessage: inboundFilter(env.INBOUND_ADDRESS ?? env.SMTP_FROM, options.onInboundMail),
        }),
      }).catch((err: unknown) =>
        portError(err, embedded.smtpCapturePort, 'SMTP capture', 'set SMTP_CAPTURE_PORT or SMTP_URL'),
      );
      closers.push(() => capture.close());
      smtpUrl = capture.url;
      describe.push(`SMTP capture         ${capture.url}  (emails kept in ${relative(embedded.mailDir)}/)`);
    } else {
      describe.push(`SMTP                 ${redactUrl(smtpUrl)}`);
    }
    const mailer: Mailer = createMailer({
      smtpUrl,
      from: env.SMTP_FROM,
      ...(replyToOf(env.INBOUND_ADDRESS, env.SMTP_FROM) && { replyTo: env.INBOUND_ADDRESS }),
      poolSize: env.SMTP_POOL_SIZE,
      tlsRejectUnauthorized: env.SMTP_TLS_REJECT_UNAUTHORIZED,
      clock: now,
    });
    closers.push(() => mailer.close());

    const real = Boolean(env.ZALO_APP_ID && env.ZALO_APP_SECRET);
    let zaloBase = env.ZALO_API_BASE_URL;
    const startedFake = !real && !zaloBase;
    if (startedFake) {
      const fake = await startFakeZaloServer({
        host: LOOPBACK,
        port: embedded.fakeZaloPort,
        ...embedded.fakeZalo,
      }).catch((err: unknown) =>
        portError(err, embedded.fakeZaloPort, 'fake Zalo', 'set FAKE_ZALO_PORT, or ZALO_APP_ID for the real Zalo'),
      );
      closers.push(() => fake.close());
      zaloBase = fake.url;
      describe.push(`Fake Zalo            ${fake.url}  (ZNS, OA and OAuth; messages at ${fake.url}/__fake/messages)`);
    } else {
      describe.push(
        `Zalo                 ${real ? `app ${env.ZALO_APP_ID}` : 'fake'}${zaloBase ? ` via ${zaloBase}` : ''}`,
      );
    }
    // The fake Zalo answers OAuth too; the real one has its own OAuth host unless ZALO_OAUTH_BASE_URL says otherwise.
    const oauthBase = env.ZALO_OAUTH_BASE_URL ?? (real ? undefined : zaloBase);
    const client = createZaloClient({
      appId: real ? (env.ZALO_APP_ID ?? '') : FAKE_ZALO_DEFAULTS.appId,
      secretKey: real ? (env.ZALO_APP_SECRET ?? '') : FAKE_ZALO_DEFAULTS.secretKey,
      baseUrls: { ...(zaloBase && { zns: zaloBase, oa: zaloBase }), ...(oauthBase && { oauth: oauthBase }) },
      headersTimeoutMs: env.ZALO_HTTP_TIMEOUT_MS,
      bodyTimeoutMs: env.ZALO_HTTP_TIMEOUT_MS,
      now,
    });
    closers.push(() => client.close());
    const legacyTokenFile = env.ZALO_TOKEN_FILE ?? (options.tokenDir && path.join(options.tokenDir, 'tokens.json'));
    const legacyTokens = real && legacyTokenFile ? await readTokenFile(legacyTokenFile) : undefined;
    const tokens = createZaloTokenManager({
      store:
        startedFake || !options.zaloTokenStore
          ? createMemoryTokenStore()
          : options.zaloTokenStore(real ? `app ${env.ZALO_APP_ID ?? ''}` : `fake ${zaloBase ?? ''}`),
      auth: client.auth,
      initialRefreshToken: real
        ? (legacyTokens?.refreshToken ?? env.ZALO_REFRESH_TOKEN)
        : FAKE_ZALO_DEFAULTS.refreshToken,
      refreshBeforeMinutes: env.ZALO_REFRESH_BEFORE_MINUTES,
      now,
      onRefreshed: () => options.metrics?.zaloTokenRefreshes.inc(),
    });
    const templates = real
      ? {
          reminder: env.ZALO_TEMPLATE_REMINDER ?? '',
          escalation: env.ZALO_TEMPLATE_ESCALATION ?? '',
        }
      : FAKE_ZALO_TEMPLATE_IDS;
    const zalo = createZaloMessenger({
      client,
      tokens,
      templates,
      ...(real && env.ZALO_ZNS_MODE && { mode: env.ZALO_ZNS_MODE }),
    });

    return {
      notify: {
        mailer: options.tap ? options.tap.mailer(mailer) : mailer,
        zalo: options.tap ? options.tap.zalo(zalo) : zalo,
        ledger: options.ledger,
        slots: { email: createSendSlots(env.SMTP_POOL_SIZE), zalo: createSendSlots(ZALO_SENDS_AT_ONCE) },
        ...(options.dashboardUrl && { dashboardUrl: options.dashboardUrl }),
        ...(options.metrics && { metrics: options.metrics }),
      },
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

function relative(dir: string): string {
  return path.relative(process.cwd(), dir) || '.';
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

/** `dondoc@ia-pa.gov.vn` of `"Hệ thống" <dondoc@ia-pa.gov.vn>` or of a bare address, lower case. */
function bareAddress(from: string): string {
  return /<([^<>]+)>\s*$/.exec(from)?.[1]?.trim().toLowerCase() ?? from.trim().toLowerCase();
}

/** A Reply-To only when replies must go elsewhere than From (INBOUND_ADDRESS, another mailbox). */
function replyToOf(inbound: string | undefined, from: string): boolean {
  return inbound !== undefined && bareAddress(inbound) !== bareAddress(from);
}

/**
 * Only what is addressed to dondoc itself (INBOUND_ADDRESS, else the address of SMTP_FROM) is inbound mail; the rest
 * is mail dondoc sent.
 */
function inboundFilter(
  address: string,
  handle: (raw: Buffer, receivedAt: Date) => Promise<unknown>,
): (message: CapturedMessage) => Promise<void> {
  const own = bareAddress(address);
  return async (message) => {
    if (!message.envelope.rcptTo.some((rcpt) => rcpt.toLowerCase() === own)) return;
    await handle(message.raw, message.receivedAt);
  };
}
