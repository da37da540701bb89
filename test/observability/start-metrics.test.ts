import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDondoc, servicePorts, startDondoc, type LongRunning } from '../helpers/cli';
import { TEST_PAYLOAD_KEYS } from '../helpers/temporal';

const PLAN = path.resolve(__dirname, '..', 'fixtures', 'plans', 'observability-small.yaml');
const SECRET = 'observability-test-secret-0123456789abcdef';
/** The plan's people: none of them may appear in a log line at info level. */
const PERSONAL = ['thu-nghiem.example', '0900000011', '0900000012', '84900000011', '84900000012', 'Chủ tịch UBND'];

interface LogLine {
  level: number;
  msg: string;
  sdkComponent?: string;
  workflowId?: string;
  cycle?: string;
  unit?: string;
  obligation?: string;
  kind?: string;
}

/** `dondoc_notifications_total` by channel, for one outcome, from the Prometheus text. */
function notificationsBy(text: string, outcome: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^dondoc_notifications_total\{([^}]*)\} (\d+)/.exec(line);
    if (!match?.[1] || !match[1].includes(`outcome="${outcome}"`)) continue;
    const channel = /channel="([^"]+)"/.exec(match[1])?.[1] ?? '';
    counts.set(channel, (counts.get(channel) ?? 0) + Number(match[2]));
  }
  return counts;
}

describe('dondoc start: logs and /metrics after a cycle started late', () => {
  let dataDir: string;
  let service: LongRunning | undefined;

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-obs-'));
  });

  afterAll(async () => {
    if (service && service.child.exitCode === null && service.child.signalCode === null) {
      service.child.kill('SIGTERM');
      await service.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('counts what data/mail and the fake Zalo hold, and tags workflow and activity lines without personal data', async () => {
    const ports = await servicePorts();
    // The same secret and payload keys for the service and the CLI (which connects to its Temporal by address).
    const keys = { DONDOC_SECRET: SECRET, DONDOC_PAYLOAD_KEYS: TEST_PAYLOAD_KEYS };
    const common = { DONDOC_DATA_DIR: dataDir, LOG_LEVEL: 'info', ...keys, ...ports };
    service = startDondoc(['start'], { ...common, TEMPORAL_ADDRESS: '', LOG_FORMAT: 'json' });
    await service.waitFor('dondoc is running');
    const web = `http://127.0.0.1:${ports.PORT}`;
    expect((await fetch(`${web}/livez`)).status).toBe(200);
    // Ready once the worker's first poll has reached the server, a moment after the banner.
    let ready = await fetch(`${web}/readyz`);
    for (let tries = 0; ready.status !== 200 && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      ready = await fetch(`${web}/readyz`);
    }
    expect(await ready.json()).toEqual({ status: 'ok', temporal: 'ok', worker: 'ok', database: 'ok' });

    // A past year: the catch-up goes out at the first moment within sending hours; the receipt of a submission at once.
    const cli = { ...common, TEMPORAL_ADDRESS: `127.0.0.1:${ports.TEMPORAL_DEV_PORT}` };
    const start = await runDondoc(['cycle', 'start', PLAN, '--year', '2025', '--yes'], cli);
    expect(start).toMatchObject({ code: 0, stderr: '' });
    const submit = await runDondoc(['submit', 'observability-small/2025', 'xa-dong', 'ke-hoach'], cli);
    expect(submit).toMatchObject({ code: 0, stderr: '' });

    const emails = (): number => readdirSync(path.join(dataDir, 'mail')).filter((f) => f.endsWith('.eml')).length;
    const zaloSends = async (): Promise<number> => {
      const answer = (await (await fetch(`http://127.0.0.1:${ports.FAKE_ZALO_PORT}/__fake/messages`)).json()) as {
        received: { method: string; path: string }[];
      };
      return answer.received.filter((r) => r.path === '/message/template' || r.path === '/v3.0/oa/message/cs').length;
    };
    // Polls until the counters agree with what arrived (the receipt at least) on three reads in a row.
    let agreed = 0;
    let last = '';
    for (let tries = 0; agreed < 3 && tries < 300; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const metrics = await (await fetch(`${web}/metrics`)).text();
      const accepted = notificationsBy(metrics, 'accepted');
      const zalo = (accepted.get('zns') ?? 0) + (accepted.get('oa') ?? 0);
      const seen = { email: accepted.get('email') ?? 0, zalo, emails: emails(), zaloSends: await zaloSends() };
      last = JSON.stringify(seen);
      agreed = seen.emails >= 1 && seen.email === seen.emails && seen.zalo === seen.zaloSends ? agreed + 1 : 0;
    }
    expect(JSON.parse(last)).toMatchObject({ email: emails(), zalo: await zaloSends() });
    expect(agreed).toBe(3);

    const metrics = await (await fetch(`${web}/metrics`)).text();
    expect(metrics).toMatch(/^# TYPE dondoc_notifications_total counter$/m);
    expect(metrics).toMatch(/^dondoc_notifications_total\{kind="receipt",channel="email",outcome="accepted"\} 1$/m);
    expect(metrics).toMatch(/^dondoc_messages_held_total \d+$/m);
    expect(metrics).toMatch(/^dondoc_zalo_token_refreshes_total \d+$/m);
    // The SDK's worker series, from its loopback exporter, in the same answer.
    expect(metrics).toMatch(/^temporal_num_pollers\{/m);

    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);

    const lines = service
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);
    const tagged = lines.filter((l) => l.sdkComponent === 'workflow' || l.sdkComponent === 'activity');
    expect(tagged.length).toBeGreaterThan(0);
    for (const line of tagged.filter((l) => l.workflowId?.startsWith('dondoc/'))) {
      expect(line).toMatchObject({ cycle: 'observability-small/2025' });
      if (line.workflowId?.split('/').length === 4) expect(line.unit).toBe(line.workflowId.split('/')[3]);
    }
    const submission = lines.find((l) => l.msg === 'submission recorded');
    expect(submission).toMatchObject({ sdkComponent: 'workflow', unit: 'xa-dong', obligation: 'ke-hoach' });
    // Between 07:00 and 21:00 in Vietnam the catch-up moment's messages (the cycle's, about no one unit) come first.
    const receipt = lines.find((l) => l.msg === 'notification handed over' && l.kind === 'receipt');
    expect(receipt).toMatchObject({ sdkComponent: 'activity', unit: 'xa-dong', obligation: 'ke-hoach' });

    const info = lines.filter((l) => l.level >= 30).map((l) => JSON.stringify(l));
    for (const text of PERSONAL) expect(info.filter((line) => line.includes(text))).toEqual([]);
    expect(info.filter((line) => /\/s\/[A-Za-z0-9_-]{16,}/.test(line))).toEqual([]);
  });
});
