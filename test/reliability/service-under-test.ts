import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startSmtpCapture, type SmtpCapture } from '../../channels/smtp-capture';
import type { CycleCore } from '../../cycles';
import { openDatabase, type OpenedDatabase } from '../../db/open-database';
import { freePort } from '../../workers/port-check';
import { servicePorts } from '../helpers/cli';
import { startTestPostgres } from '../helpers/postgres';
import { TEST_SECRET, testCore } from '../helpers/stack';
import { TEST_PAYLOAD_KEYS } from '../helpers/temporal';
import { startHost, type DondocHost } from '../scale-out/dondoc-host';
import { startRestartableTemporal, type RestartableTemporal } from './restartable-temporal';

/**
 * One `dondoc start` process against parts that outlive it: PostgreSQL, a Temporal dev server and an SMTP sink
 * run in the test process, so the service can be killed and restarted while they keep their state.
 */
export interface ServiceUnderTest {
  host: DondocHost;
  /** On a SQLite file: `temporal.stop()` and `temporal.start()` keep its state. */
  temporal: RestartableTemporal;
  sink: SmtpCapture;
  database: OpenedDatabase;
  /** A core of the test's own on the same Temporal and database (to start, read and resend). */
  core: CycleCore;
  workDir: string;
  /** SIGKILLs the service if it runs, then starts it again with the same environment. */
  restart(): Promise<DondocHost>;
  teardown(): Promise<void>;
}

export async function startServiceUnderTest(options: { taskQueue: string; smtpDelayMs?: number }) {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'dondoc-reliability-'));
  const [postgres, temporal, sink] = await Promise.all([
    startTestPostgres(),
    startRestartableTemporal(workDir),
    startSmtpCapture({ dir: null, dataDelayMs: options.smtpDelayMs ?? 0 }),
  ]);
  const databaseUrl = await postgres.createDatabase();
  const database = await openDatabase({ url: databaseUrl, poolSize: 4 });
  const core = testCore({ client: temporal.client, taskQueue: options.taskQueue, dataDir: workDir, db: database.db });
  const port = String(await freePort());
  const env: Record<string, string> = {
    ...(await servicePorts()),
    PORT: port,
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: options.taskQueue,
    DATABASE_URL: databaseUrl,
    DONDOC_SECRET: TEST_SECRET,
    DONDOC_PAYLOAD_KEYS: TEST_PAYLOAD_KEYS,
    DONDOC_DATA_DIR: path.join(workDir, 'data'),
    BLOB_STORE: 'database',
    SMTP_URL: sink.url,
    LOG_LEVEL: 'warn',
  };
  const service: ServiceUnderTest = {
    host: await startHost('service', env),
    temporal,
    sink,
    database,
    core,
    workDir,
    async restart() {
      await service.host.kill();
      service.host = await startHost('service', env);
      return service.host;
    },
    async teardown() {
      await service.host.stop();
      await database.close();
      await Promise.all([sink.close(), temporal.teardown(), postgres.stop()]);
      await rm(workDir, { recursive: true, force: true });
    },
  };
  return service;
}

/** A plan of `communes` communes reachable by email only (no Zalo): the bursts' load. */
export function emailOnlyPlanYaml(planId: string, communes: number): string {
  const units = Array.from({ length: communes }, (_, index) => {
    const n = String(index + 1).padStart(4, '0');
    return [
      `  - id: xa-${n}`,
      `    name: UBND xã Số ${n}`,
      '    kind: commune',
      '    head:',
      `      name: Chủ tịch UBND xã Số ${n}`,
      `      email: xa-${n}@${planId}.example`,
    ].join('\n');
  });
  return [
    `id: ${planId}`,
    'title: Kế hoạch thử nghiệm độ bền',
    'issuer: Ủy ban nhân dân huyện Độ Bền',
    'place: Độ Bền',
    "issuedOn: '03-02'",
    'supervisor: phong-noi-vu',
    'leadership:',
    '  - name: Nguyễn Văn An',
    '    title: Phó Chủ tịch UBND huyện',
    `    email: phochutich@${planId}.example`,
    'units:',
    '  - id: phong-noi-vu',
    '    name: Phòng Nội vụ huyện',
    '    kind: department',
    '    head:',
    '      name: Trưởng phòng Nội vụ',
    `      email: noi-vu@${planId}.example`,
    ...units,
    'obligations:',
    '  - id: ke-hoach',
    '    title: Xây dựng kế hoạch triển khai',
    '    appliesTo:',
    '      kinds: [commune]',
    '    due:',
    "      date: '05-11'",
    '    deliverable: document',
    '',
  ].join('\n');
}

export const unitIdsOf = (communes: number): string[] =>
  Array.from({ length: communes }, (_, i) => `xa-${String(i + 1).padStart(4, '0')}`);
