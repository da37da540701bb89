import { FAKE_ZALO_DEFAULTS, FAKE_ZALO_TEMPLATE_IDS, OAUTH_SCRIPT_KEY } from '../../../channels/fake-zalo';
import { createZaloClient, ZaloApiError, ZaloDeferredError, type ZaloClient } from '../../../channels/zalo';
import { freePort } from '../../../workers/port-check';
import { startZaloFixture, type ZaloFixture } from './zalo-fixture';

const PHONE = '84905123456';
const REMINDER = {
  phone: PHONE,
  template_id: FAKE_ZALO_TEMPLATE_IDS.reminder,
  template_data: {
    ten_don_vi: 'UBND xã A',
    ten_nhiem_vu: 'Báo cáo',
    han_nop: '17/10/2022',
    so_ngay: '3',
    duong_dan: '',
  },
  tracking_id: 'reminder-1',
};

let fixture: ZaloFixture;
let client: ZaloClient;
let token: string;

beforeEach(async () => {
  fixture = await startZaloFixture();
  client = fixture.client;
  token = (await client.auth.refreshOAAccessToken(FAKE_ZALO_DEFAULTS.refreshToken)).access_token;
});
afterEach(() => fixture.close());

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (err: unknown) => err,
  );
}

describe('zns', () => {
  it('sends the official fields with the access_token header and returns the official result', async () => {
    const sent = await client.zns.sendMessage(token, REMINDER);
    expect(sent).toEqual({
      msg_id: expect.stringMatching(/^[0-9a-f]+$/) as string,
      sent_time: expect.stringMatching(/^\d+$/) as string,
      sending_mode: '1',
      quota: { dailyQuota: '500', remainingQuota: '499' },
    });
    const request = fixture.fake.received().find((r) => r.path === '/message/template');
    expect(request?.headers).toMatchObject({ access_token: token, 'content-type': 'application/json' });
    expect(request?.body).toEqual(REMINDER);
  });

  it('reads the status of a sent message and the decremented quota', async () => {
    const { msg_id } = await client.zns.sendMessage(token, REMINDER);
    await expect(client.zns.getMessageStatus(token, msg_id, PHONE)).resolves.toMatchObject({ status: 1 });
    await expect(client.zns.getQuota(token)).resolves.toEqual({ dailyQuota: '500', remainingQuota: '499' });
    const status = fixture.fake.received().find((r) => r.path === '/message/status');
    expect(status?.query).toEqual({ message_id: msg_id, phone: PHONE });
  });

  it('-118 is a recipient error that retrying cannot fix', async () => {
    fixture.fake.script(PHONE, { kind: 'error', error: -118, message: 'Zalo account not existed' });
    const err = await failure(client.zns.sendMessage(token, REMINDER));
    expect(err).toBeInstanceOf(ZaloApiError);
    expect(err).toMatchObject({ code: -118, kind: 'recipient', retryable: false, httpStatus: 200 });
  });

  it('HTTP 500 is a transient, retryable error', async () => {
    fixture.fake.script(PHONE, { kind: 'http', status: 500 });
    const err = await failure(client.zns.sendMessage(token, REMINDER));
    expect(err).toMatchObject({ code: 'HTTP_ERROR', kind: 'transient', retryable: true, httpStatus: 500 });
  });

  it('a server that never answers times out as a transient, retryable error', async () => {
    fixture.fake.script(PHONE, { kind: 'hang' });
    const impatient = fixture.clientWith({ headersTimeoutMs: 200, bodyTimeoutMs: 200 });
    const started = Date.now();
    const err = await failure(impatient.zns.sendMessage(token, REMINDER));
    expect(err).toMatchObject({ code: 'TIMEOUT', kind: 'transient', retryable: true });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a refused connection is a transient network error', async () => {
    const nobody = createZaloClient({
      appId: 'a',
      secretKey: 's',
      baseUrls: { zns: `http://127.0.0.1:${await freePort()}` },
      now: () => new Date('2022-10-17T03:00:00Z'),
    });
    const err = await failure(nobody.zns.getQuota(token));
    await nobody.close();
    expect(err).toMatchObject({ code: 'NETWORK', kind: 'transient', retryable: true });
  });

  it('-133 from Zalo defers the send to 06:00 the next morning', async () => {
    fixture.fake.script(PHONE, { kind: 'error', error: -133 });
    const err = await failure(client.zns.sendMessage(token, REMINDER));
    expect(err).toBeInstanceOf(ZaloDeferredError);
    expect(err).toMatchObject({ code: -133, notBefore: '2022-10-18T06:00:00+07:00' });
  });

  it('-144 defers to 06:00 of the next day', async () => {
    fixture.fake.script(PHONE, { kind: 'error', error: -144 });
    await expect(client.zns.sendMessage(token, REMINDER)).rejects.toMatchObject({
      code: -144,
      notBefore: '2022-10-18T06:00:00+07:00',
    });
  });

  it('never calls ZNS at 23:00 local: the send is deferred to 06:00, not dropped', async () => {
    const lateClient = fixture.clientWith({ now: () => new Date('2022-10-17T23:00:00+07:00') });
    const before = fixture.fake.received().length;
    const err = await failure(lateClient.zns.sendMessage(token, REMINDER));
    expect(err).toBeInstanceOf(ZaloDeferredError);
    expect(err).toMatchObject({ code: -133, notBefore: '2022-10-18T06:00:00+07:00' });
    expect(fixture.fake.received()).toHaveLength(before);
  });

  it('an unknown template id is a config error', async () => {
    await expect(client.zns.sendMessage(token, { ...REMINDER, template_id: '1' })).rejects.toMatchObject({
      code: -109,
      kind: 'config',
    });
  });
});

describe('oa', () => {
  it('sends a consultation text to a follower', async () => {
    const userId = FAKE_ZALO_DEFAULTS.followers[0] ?? '';
    await expect(client.oa.sendTextMessage(token, { user_id: userId }, 'Xin chào')).resolves.toMatchObject({
      message_id: expect.any(String) as string,
    });
    const request = fixture.fake.received().find((r) => r.path === '/v3.0/oa/message/cs');
    expect(request?.body).toEqual({ recipient: { user_id: userId }, message: { text: 'Xin chào' } });
  });

  it('-213 for a non-follower is a recipient error', async () => {
    await expect(client.oa.sendTextMessage(token, { user_id: '42' }, 'x')).rejects.toMatchObject({
      code: -213,
      kind: 'recipient',
      retryable: false,
    });
  });
});

describe('auth', () => {
  it('refreshes with a form body and the secret_key header, and reads expires_in as a number', async () => {
    const current = fixture.fake.currentRefreshToken();
    const tokens = await client.auth.refreshOAAccessToken(current);
    expect(tokens).toEqual({
      access_token: expect.any(String) as string,
      refresh_token: 'dondoc-fake-refresh-2',
      expires_in: 90000,
    });
    const request = fixture.fake.received().filter((r) => r.path === '/v4/oa/access_token')[1];
    expect(request?.headers).toMatchObject({
      secret_key: FAKE_ZALO_DEFAULTS.secretKey,
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(request?.body).toEqual({
      refresh_token: current,
      app_id: FAKE_ZALO_DEFAULTS.appId,
      grant_type: 'refresh_token',
    });
  });

  it('reusing a refresh token already rotated is rejected as a token error', async () => {
    const err = await failure(client.auth.refreshOAAccessToken(FAKE_ZALO_DEFAULTS.refreshToken));
    expect(err).toMatchObject({ code: -14014, kind: 'token', retryable: false });
  });

  it('a wrong secret key is a config error', async () => {
    const wrong = fixture.clientWith({ secretKey: 'nope' });
    await expect(wrong.auth.refreshOAAccessToken(fixture.fake.currentRefreshToken())).rejects.toMatchObject({
      code: -14003,
      kind: 'config',
    });
  });

  it('an outage of the token endpoint is transient', async () => {
    fixture.fake.script(OAUTH_SCRIPT_KEY, { kind: 'http', status: 503 });
    await expect(client.auth.refreshOAAccessToken(fixture.fake.currentRefreshToken())).rejects.toMatchObject({
      code: 'HTTP_ERROR',
      kind: 'transient',
      httpStatus: 503,
    });
  });
});
