import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import pino from 'pino';
import { shiftedServerClock } from '../activities/shifted-clock';
import type { Config } from '../config/env';
import { loadPlanFile } from '../config/plan-loader';
import { resolveTestServer } from '../config/temporal-binaries';
import type { CycleCore, CycleId } from '../cycles';
import { openDatabase } from '../db/open-database';
import { createDbMessageStore } from '../db/stores/message-store';
import { createDbSentLedger } from '../db/stores/sent-ledger-store';
import { isAppError } from '../domain/errors';
import type { DayNumber } from '../domain/local-date';
import { atPlanDate } from '../domain/plan-time';
import { createEncryptionCodec } from '../links/payload-codec/encryption-codec';
import {
  FAILURE_CONVERTER_PATH,
  generatePayloadKey,
  payloadDataConverter,
} from '../links/payload-codec/payload-key-ring';
import { createLogger } from '../observability/logger';
import { installSdkRuntime } from '../observability/telemetry';
import { composeDondoc, type Dondoc } from '../workers/compose';
import { WORKFLOW_INTERCEPTOR_MODULES } from '../workers/worker';
import { createNotificationLog } from './notification-log';
import { outcomesOf, type Outcome } from './outcomes';
import { recipientCounts, type RecipientCount } from './recipient-counts';
import { loadScenario, type Scenario } from './scenario';

export interface SimulationOptions {
  planFile: string;
  year: number;
  issuedOn?: DayNumber;
  scenarioFile: string;
  outDir: string;
  smtpUrl?: string;
  zaloBaseUrl?: string;
  /** Progress lines for the user. */
  log: (line: string) => void;
}

export interface SimulationResult {
  outcomes: Outcome[];
  notifications: number;
  rejected: string[];
  /** Messages per person and channel (recipients.json), busiest first. */
  recipients: RecipientCount[];
  /** The unit workflow with the longest history (events of its current run). */
  busiestHistory?: { unitId: string; events: number };
}

/**
 * A whole cycle of a plan on the time-skipping test server, with the real worker, workflows and activities and
 * real SMTP and HTTP traffic. The server's clock starts today; the workflows run shifted into the plan's year, so
 * every time in the outputs is plan time.
 */
export async function runSimulation(config: Config, options: SimulationOptions): Promise<SimulationResult> {
  const plan = loadPlanFile(options.planFile);
  const scenario = loadScenario(options.scenarioFile, plan);
  await mkdir(options.outDir, { recursive: true });
  const stateDir = await mkdtemp(path.join(os.tmpdir(), 'dondoc-simulate-'));
  try {
    // The SDK's warnings (and workflow and activity lines at LOG_LEVEL=debug) on stderr: stdout is the user's.
    const level = config.env.LOG_LEVEL === 'debug' ? 'debug' : 'warn';
    installSdkRuntime(createLogger({ ...config.env, LOG_LEVEL: level }, pino.destination({ dest: 2, sync: true })));
  } catch {
    // Already installed by an earlier simulation in this process.
  }
  const executable = resolveTestServer({
    explicit: config.env.TEMPORAL_TEST_SERVER_PATH,
    projectRoot: config.projectRoot,
    searchPath: config.rawEnv.PATH,
  });
  // Encrypted as `dondoc start` does, with a throw-away key: the run's server and its histories die with it.
  const payloadCodec = createEncryptionCodec([generatePayloadKey()]);
  const [env, workflowBundle, database] = await Promise.all([
    TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: executable } },
      client: { dataConverter: payloadDataConverter(payloadCodec) },
    }),
    bundleWorkflowCode({
      workflowsPath: require.resolve('../workflows'),
      workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
      failureConverterPath: FAILURE_CONVERTER_PATH,
      logger: new DefaultLogger('WARN'),
    }),
    // A run that leaves nothing behind: its state lives in memory.
    openDatabase({ memory: true }),
  ]);
  let shift = 0;
  // The time-skipping server's clock as last seen: the reads the driver makes through the core happen outside any
  // activity, where the machine clock says nothing about the server's.
  let serverMs = Date.now();
  const now = shiftedServerClock(
    () => shift,
    () => serverMs,
  );
  const log = createNotificationLog();
  let dondoc: Dondoc | undefined;
  try {
    const taskQueue = `simulate-${randomUUID()}`;
    dondoc = await composeDondoc({
      config: simulationConfig(config, options),
      temporal: { connection: env.nativeConnection, client: env.client, namespace: env.namespace ?? 'default' },
      payloadCodec,
      db: database.db,
      taskQueue,
      now,
      stateDir,
      reportsDir: path.join(options.outDir, 'reports'),
      channels: {
        // Plan time for tokens and sent_time; no daily quota, whose reset the simulation's shifted days never reach.
        embedded: {
          mailDir: path.join(options.outDir, 'mail'),
          smtpCapturePort: 0,
          fakeZaloPort: 0,
          fakeZalo: { now: () => now().getTime(), dailyQuota: 1_000_000_000 },
        },
        // The same sent-ledger as `dondoc start`, in the run's own database.
        ledger: createDbSentLedger(database.db),
        tap: log,
      },
      workflowBundle,
    });
    const { core, worker } = dondoc;
    for (const line of dondoc.channels.describe) options.log(line);
    const prepared = await core.prepare({
      planFile: options.planFile,
      year: options.year,
      ...(options.issuedOn !== undefined && { issuedOn: options.issuedOn }),
      searchAttributes: false,
    });
    const planStart = atPlanDate(prepared.input.cycle.issuedOn);
    serverMs = await env.currentTimeMs();
    shift = planStart - serverMs;
    const input = { ...prepared.input, clockShiftMs: shift };
    const ref = input.cycle;

    const result = await worker.runUntil(async () => {
      const { workflowId } = await core.start({ ...prepared, input });
      await waitFor(async () => (await core.cycleStatus(ref)).started >= input.unitIds.length);
      options.log(`cycle ${workflowId}: ${input.unitIds.length} units started`);
      const sleepUntil = async (planTime: number): Promise<void> => {
        const target = planTime - shift;
        const current = await env.currentTimeMs();
        if (target > current) await env.sleep(target - current);
        serverMs = Math.max(serverMs, target);
      };
      const rejected = await playScenario(core, { planId: plan.id, year: options.year }, scenario, sleepUntil);
      options.log(`scenario played (${rejected.length} actions rejected); running to the end of ${options.year}`);
      const end = Math.max(
        atPlanDate(`${options.year}-12-31`, '23:59'),
        ...input.aggregations.map((a) => Date.parse(a.at) + 60_000),
      );
      await sleepUntil(end);
      await settle(() => log.entries().length);
      const statuses = await core.unitStatuses(ref, input.unitIds);
      const histories = await core.historyLengths(ref, input.unitIds);
      await core.close(ref);
      const busiest = [...histories].sort((a, b) => b[1] - a[1])[0];
      return {
        statuses: input.unitIds.flatMap((id) => statuses.get(id) ?? []),
        rejected,
        busiest: busiest && { unitId: busiest[0], events: busiest[1] },
      };
    });
    const outcomes = outcomesOf(result.statuses);
    const messages = createDbMessageStore(database.db);
    await log.expandMoments((key) => messages.get(key));
    const entries = log.entries();
    const recipients = recipientCounts(entries);
    await writeFile(path.join(options.outDir, 'recipients.json'), `${JSON.stringify(recipients, null, 2)}\n`);
    await writeFile(path.join(options.outDir, 'outcomes.json'), `${JSON.stringify(outcomes, null, 2)}\n`);
    await writeFile(
      path.join(options.outDir, 'notifications.jsonl'),
      entries.map((e) => JSON.stringify(e)).join('\n') + '\n',
    );
    return {
      outcomes,
      notifications: entries.length,
      rejected: result.rejected,
      recipients,
      ...(result.busiest && { busiestHistory: result.busiest }),
    };
  } finally {
    await dondoc?.close();
    await env.teardown();
    await database.close();
    await rm(stateDir, { recursive: true, force: true });
  }
}

/**
 * The configuration a simulation runs with: the embedded channels unless `--smtp-url` / `--zalo-base-url` name
 * real ones (the service's SMTP_URL and Zalo settings are not used: a simulation must not mail real people).
 */
function simulationConfig(config: Config, options: SimulationOptions): Config {
  const useRealZalo = Boolean(options.zaloBaseUrl && config.env.ZALO_APP_ID);
  return {
    ...config,
    env: {
      ...config.env,
      HOST: '127.0.0.1',
      // Blobs in the simulation's own state folder, whatever BLOB_STORE the service uses.
      BLOB_STORE: 'local',
      SMTP_URL: options.smtpUrl,
      ZALO_APP_ID: useRealZalo ? config.env.ZALO_APP_ID : undefined,
      ZALO_APP_SECRET: useRealZalo ? config.env.ZALO_APP_SECRET : undefined,
      ZALO_API_BASE_URL: options.zaloBaseUrl,
      ZALO_OAUTH_BASE_URL: options.zaloBaseUrl,
      ZALO_TOKEN_FILE: undefined,
    },
  };
}

async function playScenario(
  core: CycleCore,
  cycle: CycleId,
  scenario: Scenario,
  sleepUntil: (planTime: number) => Promise<void>,
): Promise<string[]> {
  const actions = [
    ...scenario.submissions.map((s) => ({ ...s, type: 'submit' as const })),
    ...scenario.extensions.map((s) => ({ ...s, type: 'extend' as const })),
    ...scenario.waivers.map((s) => ({ ...s, type: 'waive' as const })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const rejected: string[] = [];
  for (const action of actions) {
    // A second past the instant: the server's clock runs on while unlocked, and a submission is stamped with the
    // scenario's own instant (receivedAt), never later, so outcomes match the scenario to the second.
    await sleepUntil(Date.parse(action.at) + 1000);
    const target = { ...cycle, unitId: action.unit, obligationId: action.obligation };
    try {
      if (action.type === 'submit') {
        await core.submit(target, {
          channel: 'web',
          receivedAt: action.at,
          ...(action.values && { values: action.values }),
          ...(action.documentNumber && { documentNumber: action.documentNumber }),
          ...(action.documentDate && { documentDate: action.documentDate }),
          ...(action.submittedBy && { submittedBy: action.submittedBy }),
        });
      } else if (action.type === 'extend') {
        await core.extend(target, { newDueDate: action.newDueDate, reason: action.reason });
      } else {
        await core.waive(target, { reason: action.reason });
      }
    } catch (err) {
      if (!(isAppError(err) && (err.code === 'UPDATE_REJECTED' || err.code === 'CYCLE_CLOSED'))) throw err;
      rejected.push(
        `${action.type} ${action.unit}/${action.obligation} at ${action.at}: ${err.userMessage ?? err.message}`,
      );
    }
  }
  return rejected;
}

/** Polls (real time) until `done` holds; the cycle starts its units in an activity. */
async function waitFor(done: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('the cycle did not start its units in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits (real time) until the last activities triggered at the final instant have finished sending. */
async function settle(count: () => number): Promise<void> {
  let last = -1;
  let stable = 0;
  while (stable < 3) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const current = count();
    stable = current === last ? stable + 1 : 0;
    last = current;
  }
}
