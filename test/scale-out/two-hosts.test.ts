import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { startFakeZaloServer, type FakeZaloServer } from '../../channels/fake-zalo';
import { startSmtpCapture, type SmtpCapture } from '../../channels/smtp-capture';
import { projectRoot } from '../../config/project-root';
import type { CycleCore } from '../../cycles';
import { openDatabase, type OpenedDatabase } from '../../db/open-database';
import { hashPassword } from '../../links/password-hash';
import { freePort } from '../../workers/port-check';
import { DEV_SERVER_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { TEST_SECRET, testCore } from '../helpers/stack';
import { startTestDevServer, TEST_PAYLOAD_KEYS, type TestDevServer } from '../helpers/temporal';
import { SAMPLES } from '../web/file-samples';
import { csrfOf, multipart } from '../web/web-harness';
import { startHost, type DondocHost } from './dondoc-host';
import { largePlanYaml, zaloUserIdOf } from './large-plan';

/**
 * Scale-out with real parts and no Docker: one PostgreSQL, one Temporal dev server, two `dondoc start` processes
 * ("hosts") with separate data directories sharing the database and its blob store, one SMTP sink, one fake Zalo.
 */
jest.setTimeout(15 * 60_000);

const COMMUNES = 200;
const CYCLE = { planId: 'mo-rong', year: 2031 } as const;
const PASSWORD = 'mật-khẩu-hai-máy';

describe('two hosts, one database, one Temporal', () => {
  let postgres: TestPostgres;
  let temporal: TestDevServer;
  let sink: SmtpCapture;
  let zalo: FakeZaloServer;
  let database: OpenedDatabase;
  let core: CycleCore;
  let workDir: string;
  const hosts: Record<'a' | 'b', DondocHost | undefined> = { a: undefined, b: undefined };

  const hostEnv = async (name: string, shared: Record<string, string>): Promise<Record<string, string>> => ({
    ...shared,
    DONDOC_DATA_DIR: path.join(workDir, name),
    PORT: String(await freePort()),
  });

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'dondoc-two-hosts-'));
    [postgres, temporal, sink, zalo] = await Promise.all([
      startTestPostgres(),
      startTestDevServer(DEV_SERVER_SEARCH_ATTRIBUTES),
      // A busy mail server: each message is acknowledged 100 ms after it was stored, so the burst lasts and a
      // sender killed in the middle may die after the server kept its message but before it heard the 250.
      startSmtpCapture({ dir: null, dataDelayMs: 100 }),
      // Every head follows the OA: OA texts go out day and night (ZNS waits for 06:00), so both hosts need a token.
      startFakeZaloServer({
        dailyQuota: 1_000_000,
        followers: Array.from({ length: COMMUNES }, (_, i) => zaloUserIdOf(i)),
      }),
    ]);
    const databaseUrl = await postgres.createDatabase();
    database = await openDatabase({ url: databaseUrl, poolSize: 4 });
    core = testCore({ client: temporal.env.client, taskQueue: 'two-hosts', dataDir: workDir, db: database.db });
    const shared = {
      TEMPORAL_ADDRESS: temporal.server.address,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'two-hosts',
      DATABASE_URL: databaseUrl,
      DONDOC_SECRET: TEST_SECRET,
      DONDOC_PAYLOAD_KEYS: TEST_PAYLOAD_KEYS,
      BLOB_STORE: 'database',
      SMTP_URL: sink.url,
      ZALO_API_BASE_URL: zalo.url,
      ZALO_OAUTH_BASE_URL: zalo.url,
      DONDOC_USERS: `pnv:${await hashPassword(PASSWORD)}`,
      LOG_LEVEL: 'warn',
    };
    const [envA, envB] = await Promise.all([hostEnv('a', shared), hostEnv('b', shared)]);
    envA.PUBLIC_BASE_URL = `http://127.0.0.1:${envA.PORT}`;
    envB.PUBLIC_BASE_URL = `http://127.0.0.1:${envB.PORT}`;
    [hosts.a, hosts.b] = await Promise.all([startHost('A', envA), startHost('B', envB)]);
  });

  afterAll(async () => {
    await Promise.all([hosts.a?.stop(), hosts.b?.stop()]);
    await database?.close();
    await Promise.all([sink?.close(), zalo?.close(), temporal?.teardown(), postgres?.stop()]);
    await rm(workDir, { recursive: true, force: true });
  });

  it('starts a 200-unit cycle on A, survives B killed mid-burst, and sends every reminder at most once', async () => {
    const a = hosts.a as DondocHost;
    const planFile = path.join(workDir, 'mo-rong.yaml');
    await writeFile(planFile, largePlanYaml(COMMUNES));

    // The cycle is started through host A's CLI (its environment, its data directory).
    const started = spawnSync(
      path.join(projectRoot(), 'bin', 'dondoc'),
      ['cycle', 'start', planFile, '--year', String(CYCLE.year)],
      { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...a.env }, encoding: 'utf8' },
    );
    expect(started.stderr).toBe('');
    expect(started.status).toBe(0);
    const unitIds = Array.from({ length: COMMUNES }, (_, i) => `xa-${String(i + 1).padStart(3, '0')}`);
    await waitFor('all unit workflows', async () => {
      const statuses = await core.unitStatuses(CYCLE, unitIds, { deadlineMs: 60_000 });
      return statuses.size === COMMUNES;
    });
    expect(sink.messages()).toHaveLength(0); // nothing is due in 2031 yet

    // A burst: Phòng Nội vụ asks for a reminder to every commune at once (requested reminders go out at once,
    // day or night). Both hosts' workers take the sends; B is killed while they are under way, then restarted.
    const requested = Promise.all(
      unitIds.map((unitId) => core.resend({ ...CYCLE, unitId, obligationId: 'ke-hoach' }, { by: 'pnv' })),
    );
    await waitFor('the burst to be under way', async () => sink.messages().length >= 30, 120_000, 50);
    await hosts.b?.kill();
    const killedAt = sink.messages().length;
    await requested;
    hosts.b = await startHost('B', (hosts.b as DondocHost).env);

    // Every send ends `sent`, or `unknown` when its sender died mid-send; none stays claimed. The killed
    // attempts are retried once their 2-minute start-to-close timeout has passed.
    await waitFor(
      'every claimed send to be settled',
      async () => {
        const states = await ledgerStates();
        return (states.sending ?? 0) === 0 && (states.sent ?? 0) + (states.unknown ?? 0) >= 2 * COMMUNES;
      },
      8 * 60_000,
      1000,
    );
    const rows = await sql<{ key: string; state: string }>`select key, state from sent_ledger`.execute(database.db);
    const unknown = new Set(rows.rows.filter((row) => row.state === 'unknown').map((row) => row.key));

    // At the SMTP sink: no key twice, and every commune's reminder arrived unless its send is recorded `unknown`.
    const keys = sink.messages().map((message) => {
      const key = message.parsed.headers.get('x-dondoc-key'); // folded when long: read the parsed header
      return typeof key === 'string' ? key : '';
    });
    expect(keys.filter((key) => key === '')).toEqual([]);
    expect(duplicates(keys)).toEqual([]);
    const arrived = new Set(keys);
    const emailed = new Set(sink.messages().flatMap((message) => message.envelope.rcptTo));
    const emailKeys = rows.rows.filter((row) => row.key.includes('email'));
    for (const row of emailKeys) {
      if (row.state === 'sent') expect(arrived).toContain(row.key);
    }
    // A killed host leaves at most one unknown send per slot it had (SMTP pool 5, Zalo 8): never the whole queue.
    expect(unknown.size).toBeLessThanOrEqual(5 + 8);
    const missing = unitIds.filter((unitId) => !emailed.has(`${unitId}@mo-rong.example`));
    expect(missing.length).toBeLessThanOrEqual([...unknown].filter((key) => key.includes('email')).length);
    // Zalo: one message per phone (ZNS) and per follower (OA) at most, and both hosts' first token refresh reached
    // the fake exactly once.
    const received = (await (await fetch(`${zalo.url}/__fake/messages`)).json()) as {
      received: { path: string; body?: { phone?: string; recipient?: { user_id?: string } } }[];
    };
    const zns = received.received.filter((request) => request.path.includes('/message/template'));
    const oa = received.received.filter((request) => request.path.includes('/oa/message/cs'));
    expect(duplicates(zns.map((request) => String(request.body?.phone)))).toEqual([]);
    expect(duplicates(oa.map((request) => String(request.body?.recipient?.user_id)))).toEqual([]);
    expect(oa.length + [...unknown].filter((key) => key.includes('/oa/')).length).toBeGreaterThanOrEqual(COMMUNES);
    const refreshes = received.received.filter((request) => request.path.includes('access_token'));
    expect(refreshes).toHaveLength(1);
    console.info(
      `two hosts: ${sink.messages().length} emails, ${zns.length} ZNS, B killed after ${killedAt} emails, ` +
        `${oa.length} OA texts, ${unknown.size} sends unknown, ${refreshes.length} token refresh`,
    );
  });

  it('takes a submission with its file on one host through a link the other signed, and the signer shows it', async () => {
    // The host whose worker started the units signed their links (its PUBLIC_BASE_URL is in them): that is A in
    // the words, whichever it was here; B is the other one.
    const [first, second] = [hosts.a as DondocHost, hosts.b as DondocHost];
    const link = sink
      .messages()
      .map((message) => /(http:\/\/127\.0\.0\.1:\d+)\/s\/([\w.-]+)/.exec(message.parsed.text ?? ''))
      .find((match) => match !== null);
    expect(link).toBeDefined();
    const [, origin, token = ''] = link as RegExpExecArray;
    const a = origin === first.url ? first : second;
    const b = a === first ? second : first;
    expect(origin).toBe(a.url);

    const page = await fetch(`${b.url}/s/${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const cookies = cookieHeaderOf(jarOf(page.headers.getSetCookie()));
    const form = await multipart([
      ['_csrf', csrfOf(html)],
      ...(requestIdOf(html) ? ([['requestId', requestIdOf(html) as string]] as [string, string][]) : []),
      ['documentNumber', '45/KH-UBND'],
      ['submittedBy', 'Nguyễn Văn Bình'],
      ['files', { filename: 'ke-hoach-xa.pdf', content: SAMPLES.pdf }],
    ]);
    const posted = await fetch(`${b.url}/s/${token}`, {
      method: 'POST',
      headers: { ...form.headers, cookie: cookies },
      body: form.payload,
    });
    // The receipt page (a refused form would come back with its errors, shown by this expectation).
    const receipt = await posted.text();
    expect(posted.status).toBe(200);
    expect(receipt).toContain('Đã nhận văn bản');

    const unitId = unitOfToken(token);
    const session = await loginTo(a.url);
    const unitPage = await fetch(`${a.url}/cycles/${CYCLE.planId}/${CYCLE.year}/units/${unitId}`, {
      headers: { cookie: session },
    });
    const unitHtml = await unitPage.text();
    expect(unitHtml).toContain('ke-hoach-xa.pdf');
    const fileUrl = /href="([^"]+\/files\/[0-9a-f]{64}[^"]*)"/.exec(unitHtml)?.[1];
    expect(fileUrl).toBeDefined();
    const file = await fetch(`${a.url}${(fileUrl as string).replace(/&amp;/g, '&')}`, { headers: { cookie: session } });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(SAMPLES.pdf);
  });

  async function ledgerStates(): Promise<Record<string, number>> {
    const result = await sql<{ state: string; count: string }>`
      select state, count(*) as count from sent_ledger group by state`.execute(database.db);
    return Object.fromEntries(result.rows.map((row) => [row.state, Number(row.count)]));
  }

  async function loginTo(url: string): Promise<string> {
    const page = await fetch(`${url}/login`);
    const jar = jarOf(page.headers.getSetCookie());
    const csrf = csrfOf(await page.text());
    const response = await fetch(`${url}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeaderOf(jar) },
      body: new URLSearchParams({ username: 'pnv', password: PASSWORD, _csrf: csrf }),
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    return cookieHeaderOf({ ...jar, ...jarOf(response.headers.getSetCookie()) });
  }
});

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 180_000, stepMs = 500): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
}

/** Set-Cookie headers → name → value. */
function jarOf(headers: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    headers.map((header) => {
      const [pair = ''] = header.split(';');
      const equals = pair.indexOf('=');
      return [pair.slice(0, equals).trim(), pair.slice(equals + 1).trim()];
    }),
  );
}

function cookieHeaderOf(jar: Record<string, string>): string {
  return Object.entries(jar)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
}

function requestIdOf(html: string): string | undefined {
  return /name="requestId" value="([^"]+)"/.exec(html)?.[1];
}

/** The unit a submission token is for: its claims are base64url JSON `[plan, year, unit, obligation, exp]`. */
function unitOfToken(token: string): string {
  const [, body = ''] = token.split('.');
  return (JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as string[])[2] ?? '';
}
