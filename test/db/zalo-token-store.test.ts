import { FAKE_ZALO_DEFAULTS, FAKE_ZALO_TEMPLATE_IDS } from '../../channels/fake-zalo';
import { createZaloTokenManager, type ZaloTokenManager } from '../../channels/zalo';
import type { OpenedDatabase } from '../../db/open-database';
import { createKysely, type DondocDb } from '../../db/postgres-pool';
import { createDbZaloTokenStore } from '../../db/stores/zalo-token-store';
import { DAYTIME, startZaloFixture, type ZaloFixture } from '../channels/zalo/zalo-fixture';
import { DATABASES } from '../helpers/databases';

jest.setTimeout(60_000);

const ACCOUNT = 'app test';

describe.each(DATABASES)('the Zalo token pair on $name', (backend) => {
  let opened: OpenedDatabase & { url: string };
  let fixture: ZaloFixture;
  /** Host B's own pool; host A uses `opened.db`. */
  let hostB: DondocDb;
  beforeEach(async () => {
    opened = await backend.open();
    hostB = createKysely(opened.url, 4);
    fixture = await startZaloFixture();
  });
  afterEach(async () => {
    await fixture.close();
    await hostB.destroy();
    await opened.close();
  });

  const managerOn = (db: DondocDb): ZaloTokenManager =>
    createZaloTokenManager({
      store: createDbZaloTokenStore(db, ACCOUNT),
      // Each host has a client of its own, as two processes would.
      auth: fixture.clientWith({}).auth,
      initialRefreshToken: FAKE_ZALO_DEFAULTS.refreshToken,
      now: () => DAYTIME,
    });

  it('two hosts starting cold at once: one refresh reaches Zalo, both use the pair it granted', async () => {
    const [a, b] = [managerOn(opened.db), managerOn(hostB)];
    const [tokenA, tokenB] = await Promise.all([a.accessToken(), b.accessToken()]);
    expect(fixture.refreshes()).toBe(1);
    expect(tokenA).toBe(tokenB);
    const saved = await createDbZaloTokenStore(hostB, ACCOUNT).load();
    expect(saved).toMatchObject({ accessToken: tokenA, refreshToken: fixture.fake.currentRefreshToken() });
  });

  it('two hosts whose access token Zalo rejected refresh at once: one refresh, one valid pair for both', async () => {
    const [a, b] = [managerOn(opened.db), managerOn(hostB)];
    const first = await a.accessToken();
    expect(await b.accessToken()).toBe(first);
    fixture.fake.expireAccessTokens();
    const [tokenA, tokenB] = await Promise.all([a.refresh(first), b.refresh(first)]);
    expect(fixture.refreshes()).toBe(2);
    expect(tokenA).toBe(tokenB);
    expect(tokenA).not.toBe(first);
    await expect(
      fixture.client.zns.sendMessage(tokenA, {
        phone: '84905123456',
        template_id: FAKE_ZALO_TEMPLATE_IDS.reminder,
        template_data: {
          ten_don_vi: 'UBND xã A',
          ten_nhiem_vu: 'Báo cáo',
          han_nop: '17/10/2022',
          so_ngay: '3',
          duong_dan: '',
        },
      }),
    ).resolves.toHaveProperty('msg_id');
    const saved = await createDbZaloTokenStore(opened.db, ACCOUNT).load();
    expect(saved?.refreshToken).toBe(fixture.fake.currentRefreshToken());
  });

  it('many hosts at once, each with several callers: still exactly one refresh', async () => {
    const pools = Array.from({ length: 3 }, () => createKysely(opened.url, 2));
    try {
      const managers = [opened.db, hostB, ...pools].map(managerOn);
      const tokens = await Promise.all(managers.flatMap((m) => Array.from({ length: 5 }, () => m.accessToken())));
      expect(new Set(tokens).size).toBe(1);
      expect(fixture.refreshes()).toBe(1);
    } finally {
      await Promise.all(pools.map((pool) => pool.destroy()));
    }
  });

  it('keeps pairs of different accounts apart', async () => {
    await managerOn(opened.db).accessToken();
    await expect(createDbZaloTokenStore(opened.db, 'app other').load()).resolves.toBeUndefined();
  });
});
