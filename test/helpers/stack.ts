import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import { runCli } from '../../cli/program';
import { loadAnnouncedSchedules } from '../../config/calendars';
import { createCycleCore, type CycleCore } from '../../cycles';
import { openDatabase, type OpenedDatabase } from '../../db/open-database';
import type { DondocDb } from '../../db/postgres-pool';
import { createDispatchStores } from '../../db/stores/message-store';
import { createLinkSigner } from '../../links/link-signer';
import { createLocalBlobStore } from '../../storage/blob-store/local-blob-store';
import { createFileStore } from '../../storage/file-store';
import { createPlanStore } from '../../storage/plan-store';
import { createReportStore } from '../../storage/report-store';
import { createWorker } from '../../workers/worker';
import { DEV_SERVER_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';
import { startTestChannels, type TestChannels } from './channels';
import {
  bundleWorkflows,
  startTestDevServer,
  TEST_PAYLOAD_KEYS,
  testPayloadCodec,
  type TestDevServer,
} from './temporal';

/** The small plan (3 units, 2 obligations) most CLI and web tests start a 2031 cycle of. */
/** The signing secret of test stacks (required once TEMPORAL_ADDRESS or DATABASE_URL is set). */
export const TEST_SECRET = 'test-secret-of-at-least-32-bytes-for-dondoc';

export const CYCLE_SMALL = path.resolve(__dirname, '..', 'fixtures', 'plans', 'cycle-small.yaml');

/** What `dondoc start` runs, in miniature, for tests that drive the real CLI against it. */
export interface TestStack {
  client: Client;
  /** The application core the worker's cycle activities use (plans, files and reports under `dataDir`). */
  core: CycleCore;
  channels: TestChannels;
  /** dondoc's database (PGlite in memory, served on loopback: the CLI reaches it at `env.DATABASE_URL`). */
  db: DondocDb;
  /** `<dataDir>/files` holds submitted files and reports (the local blob store), `<dataDir>/reports` report files. */
  dataDir: string;
  taskQueue: string;
  /** The environment of a CLI run against this stack: TEMPORAL_ADDRESS, DATABASE_URL, DONDOC_SECRET, DONDOC_PAYLOAD_KEYS… */
  env: Record<string, string>;
  teardown(): Promise<void>;
}

/**
 * A dev server with the dondoc search attributes, local channels (SMTP capture, fake Zalo), and a Worker
 * running `workflows/` with the real activities, cycle ones included, on a task queue of its own.
 */
export async function startTestStack(
  options: { links?: { secret: Buffer; publicBaseUrl: string }; adminEmails?: string[] } = {},
): Promise<TestStack> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'dondoc-stack-'));
  const taskQueue = `cli-${randomUUID()}`;
  let server: TestDevServer | undefined;
  let channels: TestChannels | undefined;
  let database: OpenedDatabase | undefined;
  try {
    const bundling = bundleWorkflows(require.resolve('../../workflows'));
    bundling.catch(() => undefined); // awaited below; meanwhile a failure is not an unhandled rejection
    const startedServer = (server = await startTestDevServer(DEV_SERVER_SEARCH_ATTRIBUTES));
    const startedChannels = (channels = await startTestChannels());
    const opened = (database = await openDatabase({ memory: true }));
    const bundle = await bundling;
    const { env } = startedServer;
    const core = testCore({
      client: env.client,
      taskQueue,
      dataDir,
      db: opened.db,
      ...(options.links && { links: options.links }),
    });
    const worker: Worker = await createWorker({
      connection: env.nativeConnection,
      namespace: 'default',
      taskQueue,
      workflowBundle: bundle,
      payloadCodec: testPayloadCodec,
      deps: {
        ...startedChannels.deps,
        cycle: {
          core,
          reportsDir: path.join(dataDir, 'reports'),
          stores: createDispatchStores(opened.db),
          ...(options.adminEmails && { adminEmails: options.adminEmails }),
        },
      },
    });
    const running = worker.run();
    const stack: TestStack = {
      client: env.client,
      core,
      channels: startedChannels,
      db: opened.db,
      dataDir,
      taskQueue,
      env: {
        TEMPORAL_ADDRESS: startedServer.server.address,
        TEMPORAL_NAMESPACE: 'default',
        TEMPORAL_TASK_QUEUE: taskQueue,
        DONDOC_DATA_DIR: dataDir,
        DATABASE_URL: opened.embeddedUrl ?? '',
        DONDOC_SECRET: TEST_SECRET,
        DONDOC_PAYLOAD_KEYS: TEST_PAYLOAD_KEYS,
      },
      async teardown() {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await running.catch(() => undefined);
        await startedChannels.close();
        await startedServer.teardown();
        await opened.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
    return stack;
  } catch (err) {
    await channels?.close();
    await server?.teardown();
    await database?.close();
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
}

/** The core as `dondoc start` builds it, on `client` and `taskQueue`, with `db` and blobs under `dataDir/files`. */
export function testCore(options: {
  client: Client;
  taskQueue: string;
  dataDir: string;
  db: DondocDb;
  links?: { secret: Buffer; publicBaseUrl: string };
  /** The core's clock (statuses are re-derived at it), for pages that must not change with the date. */
  now?: () => number;
}): CycleCore {
  const blobs = createLocalBlobStore(path.join(options.dataDir, 'files'));
  return createCycleCore({
    client: options.client,
    taskQueue: options.taskQueue,
    plans: createPlanStore(options.db),
    files: createFileStore(blobs, options.db),
    reports: createReportStore(blobs, options.db),
    announced: loadAnnouncedSchedules(),
    ...(options.links && { links: createLinkSigner(options.links.secret, options.links.publicBaseUrl) }),
    ...(options.now && { now: options.now }),
  });
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in this process with `env` in `process.env` for the duration of the call (the CLI reads its
 * configuration through loadConfig()). Jest runs the tests of one file one at a time, so this is safe.
 */
export async function runCliWith(env: Readonly<Record<string, string>>, args: string[]): Promise<CliRun> {
  const previous = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  const out = { stdout: '', stderr: '' };
  try {
    const code = await runCli(args, {
      stdout: (text) => (out.stdout += text),
      stderr: (text) => (out.stderr += text),
    });
    return { code, ...out };
  } finally {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** Starts cycle-small/2031 with the CLI and waits until its three units answer. */
export async function startSmallCycle(stack: TestStack): Promise<void> {
  const start = await runCliWith(stack.env, ['cycle', 'start', CYCLE_SMALL, '--year', '2031']);
  if (start.code !== 0) throw new Error(`cycle start failed: ${start.stderr}`);
  const deadline = Date.now() + 15_000;
  for (;;) {
    const run = await runCliWith(stack.env, ['cycle', 'status', 'cycle-small/2031', '--format', 'json']);
    if (run.code === 0 && (JSON.parse(run.stdout) as { notStarted: string[] }).notStarted.length === 0) return;
    if (Date.now() > deadline) throw new Error(`the units never started:\n${run.stdout}${run.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
