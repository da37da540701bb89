import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities, type Activities } from '../../activities';
import { shiftedServerClock } from '../../activities/shifted-clock';
import type { FakeZaloOptions } from '../../channels/fake-zalo';
import type { CycleCore } from '../../cycles';
import { openDatabase } from '../../db/open-database';
import type { DondocDb } from '../../db/postgres-pool';
import { createDispatchStores } from '../../db/stores/message-store';
import type { CycleWorkflowInput } from '../../domain/cycle/cycle-input';
import type { CatchUpMode } from '../../domain/dispatch/due-items';
import type { MessageRecord } from '../../domain/dispatch/message-record';
import { parseLocalDate } from '../../domain/local-date';
import type { ChannelAvailability } from '../../domain/notifications/delivery-plan';
import type { cycleWorkflow } from '../../workflows';
import { getCycleStatusQuery, type CycleStatus } from '../../workflows/cycle-messages';
import { startTestChannels, type TestChannels } from '../helpers/channels';
import { testCore } from '../helpers/stack';
import { bundleWorkflows, createTimeSkippingEnv, testDataConverter } from '../helpers/temporal';

/**
 * A cycle workflow on the time-skipping server with the real activities (cycle ones included), an SMTP capture
 * and a fake Zalo; plan time is shifted like in `unit-harness.ts`. One cycle per harness.
 */
export interface CycleHarness {
  env: TestWorkflowEnvironment;
  channels: TestChannels;
  handle: WorkflowHandle<typeof cycleWorkflow>;
  input: CycleWorkflowInput;
  /** The core the cycle activities use (its reports, plan snapshots and files are in an in-memory database). */
  core: CycleCore;
  /** The notification centre the dispatcher records into (the same in-memory database). */
  stores: ReturnType<typeof createDispatchStores>;
  /** That in-memory database. */
  db: DondocDb;
  /** Every captured email, headers decoded; `kind` narrows (reminder, escalation, receipt, digest, report). */
  emails(...kinds: string[]): CycleEmail[];
  /** The reminders and escalations (the dispatcher's messages) received by `address`. */
  deadlineEmailsTo(address: string): CycleEmail[];
  /** The notification centre's rows of this cycle, oldest first. */
  messages(): Promise<MessageRecord[]>;
  /** Lets server time (and so plan time) run until `planTime`, firing every timer on the way. */
  sleepUntil(planTime: string): Promise<void>;
  status(): Promise<CycleStatus>;
  /** Polls the status query (real time) until `match` holds; for work that needs no timer. */
  waitForStatus(match: (status: CycleStatus) => boolean): Promise<CycleStatus>;
  teardown(): Promise<void>;
}

export interface CycleStartOptions {
  planFile: string;
  year: number;
  /** YYYY-MM-DD; the plan's own issue date when absent. */
  issuedOn?: string;
  /** Plan time when the cycle starts. */
  planStart: string;
  /** Zalo channels; both off unless told. */
  channels?: ChannelAvailability;
  catchUp?: CatchUpMode;
  zalo?: FakeZaloOptions;
  /** Wraps the real activities (to lose a completion, hold a call…). */
  activities?: (real: Activities) => Activities;
}

export interface CycleEmail {
  kind: string;
  /** X-Dondoc-Unit when the message is about one unit. */
  unit: string;
  /** X-Dondoc-Items: `unit/obligation/level` of every item, when it is about several units. */
  items: string[];
  obligations: string[];
  level: string;
  scheduledAt: string;
  key: string;
  subject: string;
  to: string[];
}

export async function startCycleHarness(options: CycleStartOptions): Promise<CycleHarness> {
  let shift = 0;
  const clock = shiftedServerClock(() => shift);
  // The fake Zalo answers outside any activity context, so it reads plan time as of the latest activity call.
  let planNowMs: number | undefined;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'dondoc-cycle-'));
  const [env, bundle, channels]: [TestWorkflowEnvironment, WorkflowBundleWithSourceMap, TestChannels] =
    await Promise.all([
      createTimeSkippingEnv(),
      bundleWorkflows(require.resolve('../../workflows')),
      startTestChannels({ now: clock, zalo: { ...options.zalo, now: () => planNowMs ?? Date.now() + shift } }),
    ]);
  const taskQueue = `cycle-${randomUUID()}`;
  const database = await openDatabase({ memory: true });
  const core = testCore({ client: env.client, taskQueue, dataDir, db: database.db });
  const prepared = await core.prepare({
    planFile: options.planFile,
    year: options.year,
    ...(options.issuedOn && { issuedOn: parseLocalDate(options.issuedOn)! }),
    channels: options.channels ?? { zns: false, oa: false },
    searchAttributes: false,
  });
  shift = Date.parse(options.planStart) - (await env.currentTimeMs());
  const input = { ...prepared.input, clockShiftMs: shift, ...(options.catchUp && { catchUp: options.catchUp }) };
  const stores = createDispatchStores(database.db);
  const activities = createActivities({
    ...channels.deps,
    cycle: { core, reportsDir: path.join(dataDir, 'reports'), stores },
  });
  const withPlanClock = (wrapped: Activities): Activities => {
    const out: Record<string, unknown> = {};
    for (const [name, fn] of Object.entries(wrapped)) {
      out[name] = (...args: unknown[]): Promise<unknown> => {
        planNowMs = clock().getTime();
        return (fn as (...a: unknown[]) => Promise<unknown>)(...args);
      };
    }
    return out as Activities;
  };
  const worker = await Worker.create({
    connection: env.nativeConnection,
    dataConverter: testDataConverter,
    taskQueue,
    workflowBundle: bundle,
    activities: withPlanClock(options.activities ? options.activities(activities) : activities),
  });
  const running = worker.run();
  const { workflowId } = await core.start({ ...prepared, input });
  const handle = env.client.workflow.getHandle<typeof cycleWorkflow>(workflowId);
  const status = () => handle.query(getCycleStatusQuery);
  const emails = (...kinds: string[]): CycleEmail[] =>
    channels.smtp
      .messages()
      .map((m) => {
        const header = (name: string): string => (m.parsed.headers.get(name) as string | undefined) ?? '';
        const list = (name: string): string[] => (header(name) ? header(name).split(',') : []);
        return {
          kind: header('x-dondoc-kind'),
          unit: header('x-dondoc-unit'),
          items: list('x-dondoc-items'),
          obligations: list('x-dondoc-obligation'),
          level: header('x-dondoc-level'),
          scheduledAt: header('x-dondoc-scheduled-at'),
          key: header('x-dondoc-key'),
          subject: m.parsed.subject ?? '',
          to: m.envelope.rcptTo,
        };
      })
      .filter((e) => kinds.length === 0 || kinds.includes(e.kind));
  return {
    env,
    channels,
    handle,
    input,
    core,
    stores,
    db: database.db,
    emails,
    deadlineEmailsTo: (address) =>
      emails('reminder', 'escalation').filter((e) => e.to.some((to) => to.toLowerCase() === address.toLowerCase())),
    async messages() {
      const rows = await stores.messages.list({ planId: input.cycle.planId, year: input.cycle.year, limit: 10_000 });
      return rows.reverse();
    },
    async sleepUntil(planTime) {
      const target = Date.parse(planTime) - shift;
      const current = await env.currentTimeMs();
      if (target > current) await env.sleep(target - current);
    },
    status,
    async waitForStatus(match) {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const value = await status();
        if (match(value)) return value;
        if (Date.now() > deadline) throw new Error(`still not there after 10 s: ${JSON.stringify(value)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async teardown() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running.catch(() => undefined);
      await channels.close();
      await env.teardown();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
