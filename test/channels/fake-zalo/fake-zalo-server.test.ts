import {
  FAKE_ZALO_DEFAULTS,
  FAKE_ZALO_TEMPLATE_IDS,
  FAKE_ZALO_UNAPPROVED_TEMPLATE_ID,
  startFakeZaloServer,
  type FakeZaloOptions,
  type FakeZaloServer,
} from '../../../channels/fake-zalo';

const PHONE = '84905123456';
const anyString = expect.any(String) as string;
const DATA = { ten_don_vi: 'UBND xã A', ten_nhiem_vu: 'Báo cáo', han_nop: '17/10/2022', so_ngay: '3', duong_dan: '' };

let fake: FakeZaloServer;
let clock: number;

async function start(options: FakeZaloOptions = {}): Promise<void> {
  fake = await startFakeZaloServer({ now: () => clock, ...options });
}
beforeEach(() => {
  clock = Date.parse('2022-10-17T03:00:00Z');
});
afterEach(() => fake.close());

async function call(method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}) {
  const response = await fetch(`${fake.url}${path}`, { method, ...init });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function refresh(refreshToken: string, headers: Record<string, string> = { secret_key: FAKE_ZALO_DEFAULTS.secretKey }) {
  return call('POST', '/v4/oa/access_token', {
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({
      refresh_token: refreshToken,
      app_id: FAKE_ZALO_DEFAULTS.appId,
      grant_type: 'refresh_token',
    }).toString(),
  });
}

async function accessToken(): Promise<string> {
  return (await refresh(fake.currentRefreshToken())).body.access_token as string;
}

function post(path: string, token: string | undefined, body: unknown) {
  return call('POST', path, {
    headers: { 'content-type': 'application/json', ...(token ? { access_token: token } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const template = (token: string | undefined, body: Record<string, unknown> = {}) =>
  post('/message/template', token, {
    phone: PHONE,
    template_id: FAKE_ZALO_TEMPLATE_IDS.reminder,
    template_data: DATA,
    ...body,
  });

describe('POST /v4/oa/access_token', () => {
  it('rotates the refresh token on every success and answers expires_in as the string "90000"', async () => {
    await start();
    const first = await refresh(FAKE_ZALO_DEFAULTS.refreshToken);
    expect(first).toEqual({
      status: 200,
      body: { access_token: anyString, refresh_token: 'dondoc-fake-refresh-1', expires_in: '90000' },
    });
    expect(fake.currentRefreshToken()).toBe('dondoc-fake-refresh-1');
    const reuse = await refresh(FAKE_ZALO_DEFAULTS.refreshToken);
    expect(reuse).toEqual({
      status: 200,
      body: { error: -14014, error_name: anyString, error_description: anyString },
    });
  });

  it('checks the secret_key header and the form fields', async () => {
    await start();
    expect((await refresh(FAKE_ZALO_DEFAULTS.refreshToken, { secret_key: 'wrong' })).body.error).toBe(-14003);
    expect((await refresh(FAKE_ZALO_DEFAULTS.refreshToken, {})).body.error).toBe(-14003);
    const json = await post('/v4/oa/access_token', undefined, { refresh_token: FAKE_ZALO_DEFAULTS.refreshToken });
    expect(json.body.error).toBe(-14003);
  });

  it('issues access tokens that expire after the configured TTL (-220)', async () => {
    await start({ accessTokenTtlSeconds: 60 });
    const token = await accessToken();
    expect((await template(token)).body.error).toBe(0);
    clock += 61_000;
    expect((await template(token)).body).toEqual({ error: -220, message: 'access_token is expired or removed' });
  });
});

describe('POST /message/template', () => {
  it('requires a known access_token header (-124)', async () => {
    await start();
    expect((await template(undefined)).body.error).toBe(-124);
    expect((await template('made-up')).body.error).toBe(-124);
  });

  it('validates the body', async () => {
    await start();
    const token = await accessToken();
    expect((await post('/message/template', token, '{not json')).body.error).toBe(-122);
    expect((await template(token, { phone: '0905123456' })).body.error).toBe(-108);
    expect((await template(token, { template_id: '1' })).body.error).toBe(-109);
    expect((await template(token, { template_id: FAKE_ZALO_UNAPPROVED_TEMPLATE_ID })).body.error).toBe(-131);
    expect((await template(token, { template_data: {} })).body.error).toBe(-111);
    const missing = await template(token, { template_data: { ten_don_vi: 'x' } });
    expect(missing).toEqual({
      status: 200,
      body: { error: -112, message: expect.stringContaining('ten_nhiem_vu, han_nop, so_ngay, duong_dan') as string },
    });
  });

  it('answers msg_id, sent_time and a decrementing quota, then -144 when the quota is spent', async () => {
    await start({ dailyQuota: 2 });
    const token = await accessToken();
    const first = await template(token);
    expect(first.body).toEqual({
      error: 0,
      message: 'Success',
      data: {
        msg_id: expect.stringMatching(/^[0-9a-f]{20}$/) as string,
        sent_time: String(clock),
        sending_mode: '1',
        quota: { dailyQuota: '2', remainingQuota: '1' },
      },
    });
    await template(token);
    expect((await template(token)).body.error).toBe(-144);
    const quota = await call('GET', '/message/quota', { headers: { access_token: token } });
    expect(quota.body.data).toEqual({ dailyQuota: '2', remainingQuota: '0' });
    const msgId = (first.body.data as { msg_id: string }).msg_id;
    const status = await call('GET', `/message/status?message_id=${msgId}&phone=${PHONE}`, {
      headers: { access_token: token },
    });
    expect(status.body.data).toMatchObject({ status: 1, delivery_time: String(clock) });
    const unknown = await call('GET', '/message/status?message_id=nope', { headers: { access_token: token } });
    expect(unknown.body.error).toBe(-107);
  });
});

describe('POST /v3.0/oa/message/cs', () => {
  it('sends to followers in the window, -213 to others, -230 outside the window', async () => {
    await start({ followers: ['111'], outsideWindow: ['222'] });
    const token = await accessToken();
    const cs = (userId: string, text = 'Xin chào') =>
      post('/v3.0/oa/message/cs', token, { recipient: { user_id: userId }, message: { text } });
    expect((await cs('111')).body).toMatchObject({
      error: 0,
      data: { message_id: anyString, user_id: '111' },
    });
    expect((await cs('222')).body.error).toBe(-230);
    expect((await cs('333')).body.error).toBe(-213);
    expect((await cs('111', '')).body.error).toBe(-201);
  });
});

describe('scripted outcomes', () => {
  it('applies constructor scripts and fail-N-times scripts, then behaves normally', async () => {
    await start({ scripts: { [PHONE]: { kind: 'fail-times', times: 2, outcome: { kind: 'error', error: -100 } } } });
    const token = await accessToken();
    expect((await template(token)).body.error).toBe(-100);
    expect((await template(token)).body.error).toBe(-100);
    expect((await template(token)).body.error).toBe(0);
  });

  it('simulates an outage with HTTP 500 and no Zalo envelope', async () => {
    await start();
    const token = await accessToken();
    fake.script(PHONE, { kind: 'http', status: 500 });
    const response = await fetch(`${fake.url}/message/template`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', access_token: token },
      body: JSON.stringify({ phone: PHONE }),
    });
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('Simulated HTTP 500');
  });

  it('closes cleanly while a scripted request hangs', async () => {
    await start();
    const token = await accessToken();
    fake.script(PHONE, { kind: 'hang' });
    const hanging = template(token);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await fake.close();
    await expect(hanging).rejects.toThrow();
    await start();
  });
});

describe('test API', () => {
  it('scripts, lists what was received and resets over HTTP', async () => {
    await start();
    const token = await accessToken();
    const scripted = await post('/__fake/script', undefined, { key: PHONE, outcome: { kind: 'error', error: -118 } });
    expect(scripted.status).toBe(200);
    expect((await template(token)).body.error).toBe(-118);
    const messages = await call('GET', '/__fake/messages');
    const received = messages.body.received as { path: string; headers: Record<string, string>; body: unknown }[];
    expect(received.map((r) => r.path)).toEqual(['/v4/oa/access_token', '/message/template']);
    expect(received[1]?.headers.access_token).toBe(token);
    expect(received[1]?.body).toMatchObject({ phone: PHONE, template_data: DATA });
    expect((await post('/__fake/script', undefined, { key: PHONE, outcome: { kind: 'nope' } })).status).toBe(400);
    await post('/__fake/expire-tokens', undefined, {});
    expect((await template(token)).body.error).toBe(-220);
    await post('/__fake/reset', undefined, {});
    expect(fake.received()).toEqual([]);
    expect(fake.currentRefreshToken()).toBe(FAKE_ZALO_DEFAULTS.refreshToken);
    expect((await template(token)).body.error).toBe(-124);
  });

  it('answers 404 for an unknown endpoint', async () => {
    await start();
    expect((await call('GET', '/v2.0/oa/message')).status).toBe(404);
  });
});
