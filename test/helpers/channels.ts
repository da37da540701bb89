import type { ActivityDeps } from '../../activities';
import { createMemoryLedger } from '../../activities/notify/sent-ledger';
import { createMailer } from '../../channels/email';
import {
  FAKE_ZALO_DEFAULTS,
  FAKE_ZALO_TEMPLATE_IDS,
  startFakeZaloServer,
  type FakeZaloOptions,
  type FakeZaloServer,
} from '../../channels/fake-zalo';
import { startSmtpCapture, type SmtpCapture } from '../../channels/smtp-capture';
import {
  createMemoryTokenStore,
  createZaloClient,
  createZaloMessenger,
  createZaloTokenManager,
} from '../../channels/zalo';
import { loadAnnouncedSchedules } from '../../config/calendars';

const FROM = '"Hệ thống đôn đốc" <dondoc@ia-pa.example>';

/** Activity dependencies for tests that send nothing: the mailer points at a closed port. */
export function offlineActivityDeps(now: () => Date = () => new Date()): ActivityDeps {
  return {
    now,
    notify: { mailer: createMailer({ smtpUrl: 'smtp://127.0.0.1:9', from: FROM }), ledger: createMemoryLedger() },
    announced: loadAnnouncedSchedules(),
  };
}

export interface TestChannels {
  deps: ActivityDeps;
  smtp: SmtpCapture;
  zalo: FakeZaloServer;
  close(): Promise<void>;
}

/** Real local channels: an SMTP capture (in memory) and the fake Zalo server, each on a free port. */
export async function startTestChannels(
  options: { now?: () => Date; zalo?: FakeZaloOptions } = {},
): Promise<TestChannels> {
  const now = options.now ?? (() => new Date());
  const smtp = await startSmtpCapture({ dir: null });
  const zalo = await startFakeZaloServer(options.zalo ?? {});
  const mailer = createMailer({ smtpUrl: smtp.url, from: FROM, clock: now });
  const client = createZaloClient({
    appId: FAKE_ZALO_DEFAULTS.appId,
    secretKey: FAKE_ZALO_DEFAULTS.secretKey,
    baseUrls: { zns: zalo.url, oa: zalo.url, oauth: zalo.url },
    headersTimeoutMs: 2000,
    bodyTimeoutMs: 2000,
    now,
  });
  const tokens = createZaloTokenManager({
    store: createMemoryTokenStore(),
    auth: client.auth,
    initialRefreshToken: options.zalo?.refreshToken ?? FAKE_ZALO_DEFAULTS.refreshToken,
    now,
  });
  const messenger = createZaloMessenger({ client, tokens, templates: FAKE_ZALO_TEMPLATE_IDS });
  return {
    deps: {
      now,
      notify: { mailer, zalo: messenger, ledger: createMemoryLedger(), dashboardUrl: 'http://127.0.0.1:3000/' },
      announced: loadAnnouncedSchedules(),
    },
    smtp,
    zalo,
    async close() {
      mailer.close();
      await client.close();
      await Promise.all([smtp.close(), zalo.close()]);
    },
  };
}
