import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Client } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, type Worker } from '@temporalio/worker';
import { createSendSlots } from '../activities/notify/send-slots';
import { createMailer } from '../channels/email';
import { loadAnnouncedSchedules } from '../config/calendars';
import type { CycleCore } from '../cycles';
import { openDatabase } from '../db/open-database';
import type { DondocDb } from '../db/postgres-pool';
import { createDispatchStores } from '../db/stores/message-store';
import { createDbSentLedger } from '../db/stores/sent-ledger-store';
import { FAILURE_CONVERTER_PATH } from '../links/payload-codec/payload-key-ring';
import { testCore } from '../test/helpers/stack';
import { startTestDevServer, testPayloadCodec, type TestDevServer } from '../test/helpers/temporal';
import { createWorker, WORKFLOW_INTERCEPTOR_MODULES } from '../workers/worker';
import { DEV_SERVER_SEARCH_ATTRIBUTES } from '../workflows/search-attributes';
import { startSmtpSink, type SmtpSink } from './smtp-sink';

const FROM = '"Hệ thống đôn đốc" <dondoc@ia-pa.example>';
/** `dondoc start`'s default SMTP_POOL_SIZE: the baseline's pool is as large. */
export const POOL_SIZE = 5;

/** What `dondoc start` runs, on free ports and in memory, plus a count of the workflows whose first task ran. */
export interface BenchStack {
  client: Client;
  core: CycleCore;
  db: DondocDb;
  sink: SmtpSink;
  worker: Worker;
  taskQueue: string;
  dataDir: string;
  server: TestDevServer;
  /** Workflow ids whose first workflow task the worker has run, with `performance.now()` then. */
  running: Map<string, number>;
  /** Resolves once every id of `ids` has run (no timed failure), with the `performance.now()` of the last one. */
  waitRunning(ids: readonly string[], label: string): Promise<number>;
  teardown(): Promise<void>;
}

export async function startBenchStack(): Promise<BenchStack> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'dondoc-bench-'));
  const taskQueue = `bench-${randomUUID()}`;
  const cleanups: (() => Promise<unknown>)[] = [() => rm(dataDir, { recursive: true, force: true })];
  const cleanup = async (): Promise<void> => {
    for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
  };
  try {
    const bundling = bundleWorkflowCode({
      workflowsPath: require.resolve('./workflows'),
      workflowInterceptorModules: [...WORKFLOW_INTERCEPTOR_MODULES, require.resolve('./workflows/running-interceptor')],
      failureConverterPath: FAILURE_CONVERTER_PATH,
      logger: new DefaultLogger('WARN'),
    });
    bundling.catch(() => undefined);
    const server = await startTestDevServer(DEV_SERVER_SEARCH_ATTRIBUTES);
    cleanups.push(() => server.teardown());
    const sink = await startSmtpSink({ keepRaw: true });
    cleanups.push(() => sink.close());
    const opened = await openDatabase({ memory: true });
    cleanups.push(() => opened.close());
    const mailer = createMailer({ smtpUrl: sink.url, from: FROM, poolSize: POOL_SIZE });
    cleanups.push(async () => mailer.close());
    const core = testCore({ client: server.env.client, taskQueue, dataDir, db: opened.db });
    const running = new Map<string, number>();
    const worker = await createWorker({
      connection: server.env.nativeConnection,
      namespace: 'default',
      taskQueue,
      workflowBundle: await bundling,
      payloadCodec: testPayloadCodec,
      sinks: {
        bench: {
          running: {
            fn: (_info: unknown, workflowId: string) => {
              if (!running.has(workflowId)) running.set(workflowId, performance.now());
            },
          },
        },
      },
      deps: {
        now: () => new Date(),
        notify: {
          mailer,
          ledger: createDbSentLedger(opened.db),
          slots: { email: createSendSlots(POOL_SIZE), zalo: createSendSlots(1) },
          dashboardUrl: 'http://127.0.0.1:3000/',
        },
        announced: loadAnnouncedSchedules(),
        cycle: { core, reportsDir: path.join(dataDir, 'reports'), stores: createDispatchStores(opened.db) },
      },
    });
    const runningWorker = worker.run();
    cleanups.push(async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await runningWorker;
    });
    return {
      client: server.env.client,
      core,
      db: opened.db,
      sink,
      worker,
      taskQueue,
      dataDir,
      server,
      running,
      async waitRunning(ids, label) {
        let lastReport = performance.now();
        let pending = ids.filter((id) => !running.has(id));
        while (pending.length > 0) {
          await new Promise((resolve) => setTimeout(resolve, 250));
          pending = pending.filter((id) => !running.has(id));
          if (performance.now() - lastReport > 10_000) {
            lastReport = performance.now();
            console.error(`  ${label}: ${ids.length - pending.length}/${ids.length} running…`);
          }
        }
        return Math.max(...ids.map((id) => running.get(id) ?? 0));
      },
      teardown: cleanup,
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
