import path from 'node:path';
import { createMailer } from '../channels/email';
import { FAKE_ZALO_DEFAULTS, FAKE_ZALO_TEMPLATE_IDS, startFakeZaloServer } from '../channels/fake-zalo';
import { startSmtpCapture } from '../channels/smtp-capture';
import { createZaloClient, createZaloMessenger, createZaloTokenManager, type ZaloTokens } from '../channels/zalo';
import type { Config } from '../config/env';
import { redact } from '../workers/channels';
import type { NotificationLog } from './notification-log';

export interface SimulationChannels {
  mailer: ReturnType<typeof createMailer>;
  zalo: ReturnType<typeof createZaloMessenger>;
  describe: string[];
  close(): Promise<void>;
}

/**
 * Real traffic for the simulation: to the given SMTP server and Zalo base URL, or to an SMTP capture (the
 * emails land in <out>/mail as .eml) and a fake Zalo server started for the run.
 */
export async function startSimulationChannels(
  config: Config,
  options: { outDir: string; smtpUrl?: string; zaloBaseUrl?: string; now: () => Date; log: NotificationLog },
): Promise<SimulationChannels> {
  const closers: (() => Promise<void> | void)[] = [];
  const describe: string[] = [];
  let smtpUrl = options.smtpUrl;
  if (!smtpUrl) {
    const capture = await startSmtpCapture({ dir: path.join(options.outDir, 'mail') });
    closers.push(() => capture.close());
    smtpUrl = capture.url;
    describe.push(`emails captured in ${path.join(options.outDir, 'mail')}`);
  } else {
    describe.push(`emails sent to ${redact(smtpUrl)}`);
  }
  const mailer = createMailer({ smtpUrl, from: config.env.SMTP_FROM, clock: options.now });
  closers.push(() => mailer.close());

  let zaloBase = options.zaloBaseUrl;
  if (!zaloBase) {
    // Plan time for tokens and sent_time; no daily quota, whose reset the simulation's shifted days never reach.
    const fake = await startFakeZaloServer({ now: () => options.now().getTime(), dailyQuota: 1_000_000_000 });
    closers.push(() => fake.close());
    zaloBase = fake.url;
    describe.push(`Zalo messages to a fake Zalo at ${fake.url}`);
  } else {
    describe.push(`Zalo messages to ${zaloBase}`);
  }
  const useFake = !options.zaloBaseUrl || !config.env.ZALO_APP_ID;
  const client = createZaloClient({
    appId: useFake ? FAKE_ZALO_DEFAULTS.appId : (config.env.ZALO_APP_ID ?? ''),
    secretKey: useFake ? FAKE_ZALO_DEFAULTS.secretKey : (config.env.ZALO_APP_SECRET ?? ''),
    baseUrls: { zns: zaloBase, oa: zaloBase, oauth: zaloBase },
    now: options.now,
  });
  closers.push(() => client.close());
  let saved: ZaloTokens | undefined;
  const tokens = createZaloTokenManager({
    store: { load: async () => saved, save: async (pair) => void (saved = pair) },
    auth: client.auth,
    initialRefreshToken: useFake ? FAKE_ZALO_DEFAULTS.refreshToken : config.env.ZALO_REFRESH_TOKEN,
    now: options.now,
  });
  const templates = useFake
    ? FAKE_ZALO_TEMPLATE_IDS
    : {
        reminder: config.env.ZALO_TEMPLATE_REMINDER ?? '',
        escalation: config.env.ZALO_TEMPLATE_ESCALATION ?? '',
        receipt: config.env.ZALO_TEMPLATE_RECEIPT ?? '',
      };
  const zalo = createZaloMessenger({ client, tokens, templates });
  return {
    mailer: options.log.mailer(mailer),
    zalo: options.log.zalo(zalo),
    describe,
    async close() {
      for (const close of closers.reverse()) await Promise.resolve(close()).catch(() => undefined);
    },
  };
}
