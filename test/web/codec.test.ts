import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Payload } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { cycleWorkflowId, unitWorkflowId } from '../../domain/cycle/cycle-input';
import { runCliWith, startTestStack, type TestStack } from '../helpers/stack';
import { testPayloadCodec } from '../helpers/temporal';
import { buildTestApp, login, type WebApp } from './web-harness';

jest.setTimeout(240_000);

const PLAN = path.resolve(__dirname, '..', 'fixtures', 'plans', 'cycle-codec.yaml');
const CYCLE = { planId: 'cycle-codec', year: 2031 };
const UNITS = ['phong-noi-vu', 'xa-dong', 'xa-tay'];
const UI_ORIGIN = 'http://127.0.0.1:8233';
/** Everything personal in the plan, and the submission links (any form of the phones holds `90000000`). */
const PERSONAL = [
  'noi-vu@thu-nghiem.example',
  'xa-dong@thu-nghiem.example',
  'xa-tay@thu-nghiem.example',
  'phochutich@thu-nghiem.example',
  '90000000',
  'Trưởng phòng Nội vụ',
  'Chủ tịch UBND xã Đông',
  'Nguyễn Văn An',
  '/s/',
];
const DONDOC_SEARCH_ATTRIBUTES = [
  'DondocPlan',
  'DondocYear',
  'DondocUnit',
  'DondocOverdueCount',
  'DondocNextDueDate',
  'DondocState',
];

type History = temporal.api.history.v1.IHistory;

/** Every payload of a history (inputs, results, signals, updates, queries' answers are not stored). */
function payloadsOf(value: unknown, found: Payload[] = []): Payload[] {
  if (Array.isArray(value)) for (const item of value) payloadsOf(item, found);
  else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    for (const [key, field] of Object.entries(value)) {
      if (key === 'payloads' && Array.isArray(field)) found.push(...(field as Payload[]));
      else payloadsOf(field, found);
    }
  }
  return found;
}

const base64 = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('base64');
const payloadJson = ({ metadata, data }: Payload) => ({
  metadata: Object.fromEntries(Object.entries(metadata ?? {}).map(([key, value]) => [key, base64(value)])),
  data: base64(data),
});
const utf8 = (text: string | undefined) => Buffer.from(text ?? '', 'base64').toString('utf8');

describe('personal data out of Temporal: a cycle started with DONDOC_PAYLOAD_KEYS set', () => {
  let stack: TestStack;
  let web: WebApp;
  const histories = new Map<string, History>();

  beforeAll(async () => {
    const secret = randomBytes(32);
    stack = await startTestStack({ links: { secret, publicBaseUrl: 'http://127.0.0.1:3999' } });
    web = await buildTestApp(stack, { linkSecret: secret, payloadCodec: testPayloadCodec, codecOrigins: [UI_ORIGIN] });
    // The CLI encrypts with the keys of its environment (stack.env has DONDOC_PAYLOAD_KEYS), the worker with the same.
    const start = await runCliWith(stack.env, ['cycle', 'start', PLAN, '--year', '2031']);
    if (start.code !== 0) throw new Error(`cycle start failed: ${start.stderr}`);
    for (const deadline = Date.now() + 60_000; ;) {
      const run = await runCliWith(stack.env, ['cycle', 'status', 'cycle-codec/2031', '--format', 'json']);
      if (run.code === 0 && (JSON.parse(run.stdout) as { notStarted: string[] }).notStarted.length === 0) break;
      if (Date.now() > deadline) throw new Error(`the units never started:\n${run.stdout}${run.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    for (const id of [cycleWorkflowId(CYCLE), ...UNITS.map((unit) => unitWorkflowId(CYCLE, unit))]) {
      histories.set(id, await stack.client.workflow.getHandle(id).fetchHistory());
    }
  });

  afterAll(async () => {
    await web?.app.close();
    await stack?.teardown();
  });

  it('stores no email, phone, name or submission link in clear anywhere in the histories', async () => {
    for (const [id, history] of histories) {
      const bytes = Buffer.from(temporal.api.history.v1.History.encode(history).finish());
      const leaks = PERSONAL.filter((text) => bytes.includes(Buffer.from(text, 'utf8')));
      expect([id, leaks]).toEqual([id, []]);
      const encodings = payloadsOf(history).map((p) => Buffer.from(p.metadata?.encoding ?? []).toString());
      expect(encodings.length).toBeGreaterThan(0);
      expect(new Set(encodings)).toEqual(new Set(['binary/encrypted']));
    }
    // …and they are there, encrypted: decoded with the key, the histories hold every one of them.
    const decoded = await testPayloadCodec.decode([...histories.values()].flatMap((h) => payloadsOf(h)));
    const clear = Buffer.concat(decoded.map((p) => Buffer.from(p.data ?? [])));
    expect(PERSONAL.filter((text) => !clear.includes(Buffer.from(text, 'utf8')))).toEqual([]);
  });

  it('keeps only ids, years, counts, dates and states in search attributes, and nothing in memo', async () => {
    for (const id of histories.keys()) {
      const described = await stack.client.workflow.getHandle(id).describe();
      expect([id, described.raw.workflowExecutionInfo?.memo?.fields ?? {}]).toEqual([id, {}]);
      const fields = described.raw.workflowExecutionInfo?.searchAttributes?.indexedFields ?? {};
      const ours = Object.keys(fields).filter((name) => name.startsWith('Dondoc'));
      expect(ours.filter((name) => !DONDOC_SEARCH_ATTRIBUTES.includes(name))).toEqual([]);
      const text = (name: string) => Buffer.from(fields[name]?.data ?? []).toString('utf8');
      // The SDK's own (BuildIds: `…@temporalio/worker@1.24.0…`) may hold an @; ours hold no address at all.
      const leaks = [
        ...Object.keys(fields).filter((name) => PERSONAL.some((personal) => text(name).includes(personal))),
        ...ours.filter((name) => text(name).includes('@')),
      ];
      expect([id, leaks]).toEqual([id, []]);
    }
    // The units do carry them (so the check above looked at something).
    const unit = await stack.client.workflow.getHandle(unitWorkflowId(CYCLE, 'xa-dong')).describe();
    expect(unit.searchAttributes.DondocUnit).toEqual(['xa-dong']);
    expect(unit.searchAttributes.DondocPlan).toEqual(['cycle-codec']);
  });

  describe('POST /codec/decode (the Temporal Web UI codec server)', () => {
    const unitInput = () => {
      const history = histories.get(unitWorkflowId(CYCLE, 'xa-dong'));
      const input = history?.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads ?? [];
      expect(input.length).toBeGreaterThan(0);
      return { payloads: (input as Payload[]).map(payloadJson) };
    };
    const decode = (headers: Record<string, string>, cookies?: Record<string, string>) =>
      web.app.inject({
        method: 'POST',
        url: '/codec/decode',
        headers: { 'content-type': 'application/json', 'x-namespace': 'default', ...headers },
        ...(cookies && { cookies }),
        payload: unitInput(),
      });

    it('decodes a history payload back to the plaintext for an operator with a dashboard session', async () => {
      const { cookies } = await login(web.app);
      const response = await decode({ origin: UI_ORIGIN }, cookies);
      expect(response.statusCode).toBe(200);
      expect(response.headers['access-control-allow-origin']).toBe(UI_ORIGIN);
      expect(response.headers['access-control-allow-credentials']).toBe('true');
      const [payload] = response.json<{ payloads: { metadata: Record<string, string>; data: string }[] }>().payloads;
      expect(utf8(payload?.metadata.encoding)).toBe('json/plain');
      const input = utf8(payload?.data);
      expect(input).toContain('xa-dong@thu-nghiem.example');
      expect(input).toContain('Chủ tịch UBND xã Đông');
      expect(input).toContain('http://127.0.0.1:3999/s/');
    });

    it('decodes for an API token with the codec scope only', async () => {
      const codec = await decode({ authorization: `Bearer ${await web.tokenWith('codec')}` });
      expect(codec.statusCode).toBe(200);
      expect(utf8(codec.json<{ payloads: { data: string }[] }>().payloads[0]?.data)).toContain('xa-dong@');
      const reader = await decode({ authorization: `Bearer ${await web.tokenWith('read', 'submit', 'paper')}` });
      expect(reader.statusCode).toBe(403);
      expect(reader.body).not.toContain('xa-dong@');
    });

    it('refuses an anonymous caller, a wrong token and another namespace, decoding nothing', async () => {
      for (const [headers, status] of [
        [{}, 401],
        [{ origin: UI_ORIGIN }, 401],
        [{ authorization: 'Bearer ddk_nobody_nothing' }, 401],
      ] as const) {
        const response = await decode(headers);
        expect(response.statusCode).toBe(status);
        expect(response.body).not.toContain('xa-dong@');
        expect(response.json()).toMatchObject({ statusCode: status });
      }
      const { cookies } = await login(web.app);
      const other = await decode({ 'x-namespace': 'someone-else' }, cookies);
      expect(other.statusCode).toBe(400);
    });

    it('answers the UI preflight for its origin only', async () => {
      const preflight = (origin: string) =>
        web.app.inject({
          method: 'OPTIONS',
          url: '/codec/decode',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type,x-namespace',
          },
        });
      const ui = await preflight(UI_ORIGIN);
      expect(ui.statusCode).toBe(204);
      expect(ui.headers['access-control-allow-origin']).toBe(UI_ORIGIN);
      expect(ui.headers['access-control-allow-credentials']).toBe('true');
      expect(String(ui.headers['access-control-allow-headers'])).toMatch(/x-namespace/);
      const evil = await preflight('https://evil.example');
      expect(evil.statusCode).toBe(403);
      expect(evil.headers['access-control-allow-origin']).toBeUndefined();
      const { cookies } = await login(web.app);
      const posted = await decode({ origin: 'https://evil.example' }, cookies);
      expect(posted.statusCode).toBe(403);
      expect(posted.body).not.toContain('xa-dong@');
    });

    it('encodes with the current key, as the workers do', async () => {
      const { cookies } = await login(web.app);
      const plain = { metadata: { encoding: base64(Buffer.from('json/plain')) }, data: base64(Buffer.from('"x"')) };
      const response = await web.app.inject({
        method: 'POST',
        url: '/codec/encode',
        headers: { 'content-type': 'application/json' },
        cookies,
        payload: { payloads: [plain] },
      });
      expect(response.statusCode).toBe(200);
      const [sealed] = response.json<{ payloads: { metadata: Record<string, string> }[] }>().payloads;
      expect(utf8(sealed?.metadata.encoding)).toBe('binary/encrypted');
      expect(utf8(sealed?.metadata['encryption-key-id'])).toBe('test-1');
    });
  });
});
