import { FAKE_ZALO_DEFAULTS, FAKE_ZALO_TEMPLATE_IDS } from '../../../channels/fake-zalo';
import {
  createMemoryTokenStore,
  createZaloTokenManager,
  type ZaloTokenManager,
  type ZaloTokenStore,
} from '../../../channels/zalo';
import { DAYTIME, startZaloFixture, type ZaloFixture } from './zalo-fixture';

const PHONE = '84905123456';
const DATA = { ten_don_vi: 'UBND xã A', ten_nhiem_vu: 'Báo cáo', han_nop: '17/10/2022', so_ngay: '3', duong_dan: '' };

let fixture: ZaloFixture;
/** The pair as a restarted process would find it: the store outlives the managers of one test. */
let shared: ZaloTokenStore;
beforeEach(async () => {
  fixture = await startZaloFixture();
  shared = createMemoryTokenStore();
});
afterEach(() => fixture.close());

function manager(options: { store?: ZaloTokenStore; now?: () => Date } = {}): ZaloTokenManager {
  return createZaloTokenManager({
    store: options.store ?? shared,
    auth: fixture.client.auth,
    initialRefreshToken: FAKE_ZALO_DEFAULTS.refreshToken,
    now: options.now ?? (() => DAYTIME),
  });
}

const send = (tokens: ZaloTokenManager) =>
  tokens.withAccessToken((token) =>
    fixture.client.zns.sendMessage(token, {
      phone: PHONE,
      template_id: FAKE_ZALO_TEMPLATE_IDS.reminder,
      template_data: DATA,
    }),
  );

describe('createZaloTokenManager', () => {
  it('starts from the configured refresh token and saves the rotated pair', async () => {
    const tokens = manager();
    await expect(send(tokens)).resolves.toHaveProperty('msg_id');
    expect(fixture.refreshes()).toBe(1);
    const saved = await shared.load();
    expect(saved?.refreshToken).toBe(fixture.fake.currentRefreshToken());
    expect(saved?.accessTokenExpiresAt).toBe('2022-10-18T04:00:00.000Z');
  });

  it('on an expired access token (-220) refreshes once and succeeds', async () => {
    const tokens = manager();
    await send(tokens);
    fixture.fake.expireAccessTokens();
    await expect(send(tokens)).resolves.toHaveProperty('msg_id');
    expect(fixture.refreshes()).toBe(2);
    const sends = fixture.fake.received().filter((r) => r.path === '/message/template');
    expect(sends.map((r) => r.headers.access_token === sends[0]?.headers.access_token)).toEqual([true, true, false]);
  });

  it('keeps the rotated refresh token across a restart, and the old one is rejected', async () => {
    await send(manager());
    fixture.fake.expireAccessTokens();
    const afterRestart = manager({ store: shared });
    await expect(send(afterRestart)).resolves.toHaveProperty('msg_id');
    expect(fixture.refreshes()).toBe(2);
    await expect(fixture.client.auth.refreshOAAccessToken(FAKE_ZALO_DEFAULTS.refreshToken)).rejects.toMatchObject({
      code: -14014,
      kind: 'token',
    });
  });

  it('100 parallel sends on a cold start cause exactly one refresh', async () => {
    const tokens = manager();
    const results = await Promise.all(Array.from({ length: 100 }, () => send(tokens)));
    expect(results).toHaveLength(100);
    expect(fixture.refreshes()).toBe(1);
  });

  it('100 parallel sends that all meet an expired token cause exactly one refresh', async () => {
    const tokens = manager();
    await send(tokens);
    fixture.fake.expireAccessTokens();
    const results = await Promise.all(Array.from({ length: 100 }, () => send(tokens)));
    expect(results).toHaveLength(100);
    expect(fixture.refreshes()).toBe(2);
  });

  it('refreshes proactively when less than 60 minutes remain', async () => {
    let now = DAYTIME;
    const tokens = manager({ now: () => now });
    const first = await tokens.accessToken();
    now = new Date(DAYTIME.getTime() + (90_000 - 61 * 60) * 1000);
    expect(await tokens.accessToken()).toBe(first);
    now = new Date(DAYTIME.getTime() + (90_000 - 59 * 60) * 1000);
    expect(await tokens.accessToken()).not.toBe(first);
    expect(fixture.refreshes()).toBe(2);
  });

  it('saves the new pair before anyone uses it', async () => {
    const events: string[] = [];
    const store: ZaloTokenStore = {
      load: () => shared.load(),
      withRefreshLock: (refresh) =>
        shared.withRefreshLock(async (current) => {
          const pair = await refresh(current);
          events.push(`saved ${pair.accessToken}`);
          return pair;
        }),
    };
    const tokens = manager({ store });
    await tokens.withAccessToken(async (token) => events.push(`used ${token}`));
    expect(events).toEqual([expect.stringMatching(/^saved /), events[0]?.replace('saved', 'used')]);
  });

  it('keeps a granted pair it could not save, saves it on the next call and never uses it unsaved', async () => {
    let failSave = true;
    const store: ZaloTokenStore = {
      load: () => shared.load(),
      withRefreshLock: (refresh) =>
        shared.withRefreshLock(async (current) => {
          const pair = await refresh(current);
          if (failSave) throw new Error('disk full');
          return pair;
        }),
    };
    const tokens = manager({ store });
    await expect(tokens.accessToken()).rejects.toThrow('disk full');
    failSave = false;
    const token = await tokens.accessToken();
    expect(fixture.refreshes()).toBe(1);
    expect((await shared.load())?.accessToken).toBe(token);
    expect((await shared.load())?.refreshToken).toBe(fixture.fake.currentRefreshToken());
  });

  it('two managers on one store refreshing at once: one refresh, and both use its pair', async () => {
    const [a, b] = [manager(), manager()];
    const [tokenA, tokenB] = await Promise.all([a.accessToken(), b.accessToken()]);
    expect(fixture.refreshes()).toBe(1);
    expect(tokenA).toBe(tokenB);
    fixture.fake.expireAccessTokens();
    const [sentA, sentB] = await Promise.all([send(a), send(b)]);
    expect(sentA).toHaveProperty('msg_id');
    expect(sentB).toHaveProperty('msg_id');
    expect(fixture.refreshes()).toBe(2);
  });

  it('a failed refresh reaches every waiting caller and the next call tries again', async () => {
    fixture.fake.script('oauth', { kind: 'fail-times', times: 1, outcome: { kind: 'http', status: 502 } });
    const tokens = manager();
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => tokens.accessToken()));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(5).fill('rejected'));
    expect(fixture.refreshes()).toBe(1);
    await expect(tokens.accessToken()).resolves.toEqual(expect.any(String));
  });

  it('without a refresh token anywhere it fails with NO_REFRESH_TOKEN', async () => {
    const tokens = createZaloTokenManager({
      store: shared,
      auth: fixture.client.auth,
    });
    await expect(tokens.accessToken()).rejects.toMatchObject({ code: 'NO_REFRESH_TOKEN', retryable: false });
  });

  it('does not retry other errors', async () => {
    const tokens = manager();
    fixture.fake.script(PHONE, { kind: 'error', error: -118 });
    await expect(send(tokens)).rejects.toMatchObject({ code: -118 });
    expect(fixture.fake.received().filter((r) => r.path === '/message/template')).toHaveLength(1);
  });
});
