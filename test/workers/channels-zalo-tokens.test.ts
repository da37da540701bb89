import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createMemoryLedger } from '../../activities/notify/sent-ledger';
import {
  FAKE_ZALO_DEFAULTS,
  FAKE_ZALO_TEMPLATE_IDS,
  startFakeZaloServer,
  type FakeZaloServer,
} from '../../channels/fake-zalo';
import { startSmtpCapture, type SmtpCapture } from '../../channels/smtp-capture';
import { loadConfig } from '../../config/env';
import { openDatabase, type OpenedDatabase } from '../../db/open-database';
import { createDbZaloTokenStore } from '../../db/stores/zalo-token-store';
import { startChannels } from '../../workers/channels';

jest.setTimeout(60_000);

/** 10:00 in Vietnam: inside the ZNS send window. */
const DAYTIME = new Date('2022-10-17T03:00:00Z');
const DATA = { ten_don_vi: 'UBND xã A', ten_nhiem_vu: 'Báo cáo', han_nop: '17/10/2022', so_ngay: '3', duong_dan: '' };

describe('the channels keep the Zalo pair in the store they are given', () => {
  let dir: string;
  let fake: FakeZaloServer;
  let smtp: SmtpCapture;
  let database: OpenedDatabase;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dondoc-channels-'));
    // The pair of an earlier dondoc: the fake accepts only its refresh token, not the configured first one.
    fake = await startFakeZaloServer({ refreshToken: 'kept-in-file-3', now: () => DAYTIME.getTime() });
    smtp = await startSmtpCapture({ dir: null });
    database = await openDatabase({ memory: true });
  });
  afterEach(async () => {
    await Promise.all([fake.close(), smtp.close(), database.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  const start = (env: Record<string, string>) =>
    startChannels(loadConfig({ DONDOC_DATA_DIR: dir, SMTP_URL: smtp.url, ...env }), {
      now: () => DAYTIME,
      embedded: { mailDir: path.join(dir, 'mail'), smtpCapturePort: 0, fakeZaloPort: 0 },
      ledger: createMemoryLedger(),
      zaloTokenStore: (account) => createDbZaloTokenStore(database.db, account),
      tokenDir: path.join(dir, 'zalo'),
    });
  const sendOne = (channels: Awaited<ReturnType<typeof start>>) =>
    channels.notify.zalo?.sendZns({ template: 'reminder', phone: '0905123456', data: DATA, idempotencyKey: 'k' });

  it('real Zalo: the database keeps the pair, started once from the token file of an earlier version', async () => {
    await mkdir(path.join(dir, 'zalo'));
    await writeFile(
      path.join(dir, 'zalo', 'tokens.json'),
      JSON.stringify({
        accessToken: 'expired-long-ago',
        refreshToken: 'kept-in-file-3',
        accessTokenExpiresAt: '2022-01-01T00:00:00.000Z',
        refreshedAt: '2021-12-31T00:00:00.000Z',
      }),
    );
    const channels = await start({
      ZALO_APP_ID: FAKE_ZALO_DEFAULTS.appId,
      ZALO_APP_SECRET: FAKE_ZALO_DEFAULTS.secretKey,
      ZALO_REFRESH_TOKEN: 'first-one-already-spent',
      ZALO_API_BASE_URL: fake.url,
      ZALO_OAUTH_BASE_URL: fake.url,
      ZALO_TEMPLATE_REMINDER: FAKE_ZALO_TEMPLATE_IDS.reminder,
      ZALO_TEMPLATE_ESCALATION: FAKE_ZALO_TEMPLATE_IDS.escalation,
    });
    try {
      await expect(sendOne(channels)).resolves.toHaveProperty('msg_id');
    } finally {
      await channels.close();
    }
    const saved = await createDbZaloTokenStore(database.db, `app ${FAKE_ZALO_DEFAULTS.appId}`).load();
    expect(saved?.refreshToken).toBe(fake.currentRefreshToken());
    expect(saved?.refreshToken).not.toBe('kept-in-file-3');
  });

  it('the fake Zalo it starts itself forgets its tokens when it stops: nothing goes into the database', async () => {
    const channels = await start({});
    try {
      await expect(sendOne(channels)).resolves.toHaveProperty('msg_id');
    } finally {
      await channels.close();
    }
    expect(await database.db.selectFrom('zaloTokens').selectAll().execute()).toEqual([]);
  });
});
