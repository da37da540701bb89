import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities, type Activities } from '../../activities';
import { createMemoryLedger } from '../../activities/notify/sent-ledger';
import { shiftedServerClock } from '../../activities/shifted-clock';
import type { FakeZaloOptions } from '../../channels/fake-zalo';
import type { SubmitInput } from '../../domain/cycle/unit-commands';
import type { UnitWorkflowInput } from '../../domain/cycle/unit-input';
import type { UnitStatus } from '../../domain/cycle/unit-status';
import { unitWorkflow } from '../../workflows';
import { closeSignal, getStatusQuery } from '../../workflows/unit-messages';
import { startTestChannels, type TestChannels } from '../helpers/channels';
import { HALF_YEAR_REPORT_VALUES } from '../helpers/cycle';
import { bundleWorkflows, createTimeSkippingEnv, testDataConverter } from '../helpers/temporal';

/**
 * The pattern of `unit-workflow.test.ts` for the unit workflow test files: each file gets its own time-skipping
 * server, workflow bundle, SMTP capture and fake Zalo, and runs plan year 2022 through a shifted clock.
 */
export interface UnitHarness {
  env: TestWorkflowEnvironment;
  bundle: WorkflowBundleWithSourceMap;
  channels: TestChannels;
  /**
   * The activities of `createActivities(channels.deps)` with a ledger of their own, so that runs of the same unit
   * in one file do not see each other's sends; wrap one to change its behaviour.
   */
  activities(): Activities;
  /** Starts `input` so that plan time reads `planStart` now. */
  start(input: UnitWorkflowInput, planStart: string, options?: StartOptions): Promise<UnitRun>;
  /** Every captured email, headers decoded. */
  emails(unitId?: string): CapturedEmail[];
  /** Waits (real time) until `count` captured emails match; sends that need no timer happen without skipping. */
  waitForEmails(match: (email: CapturedEmail) => boolean, count?: number): Promise<CapturedEmail[]>;
  teardown(): Promise<void>;
}

export interface StartOptions {
  activities?: Activities;
  workflowId?: string;
  taskQueue?: string;
}

export interface UnitRun {
  handle: WorkflowHandle<typeof unitWorkflow>;
  /** Lets server time (and so plan time) run until `planTime`, firing every timer on the way. */
  sleepUntil(planTime: string): Promise<void>;
  /** Plan time now, according to the server. */
  planNow(): Promise<number>;
  status(): Promise<UnitStatus>;
  /** Polls the status query (real time) until `match` holds; for sends that need no timer. */
  waitForStatus(match: (status: UnitStatus) => boolean): Promise<UnitStatus>;
  /** Closes the cycle, waits for the result and stops the worker. */
  stop(): Promise<UnitStatus>;
}

export interface CapturedEmail {
  kind: string;
  unit: string;
  obligations: string;
  level: string;
  scheduledAt: string;
  key: string;
  /** The schedule event of the key: `reminder-10@2022-05-09T08:00:00+07:00`, `escalation-3.1@…`, `receipt-1@…`. */
  event: string;
  /** `unit`, `supervisor` or `leadership`. */
  audience: string;
  to: string[];
}

/** The seed plan's 6-month report as a unit submits it on the web: complete and valid. */
export const HALF_YEAR_SUBMISSION: SubmitInput = {
  obligationId: 'bao-cao-6-thang',
  documentNumber: '45/BC-UBND',
  values: HALF_YEAR_REPORT_VALUES,
  channel: 'web',
};

/** The message an Update was rejected with (validator) or failed with (handler); fails the test if it succeeded. */
export async function updateRejection(update: Promise<unknown>): Promise<string> {
  const error: unknown = await update.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  return (error as WorkflowUpdateFailedError).cause?.message ?? '';
}

export async function createUnitHarness(options: { zalo?: FakeZaloOptions } = {}): Promise<UnitHarness> {
  let shift = 0;
  // The fake Zalo answers outside any activity context, so it reads plan time as of the latest activity call.
  let planNowMs: number | undefined;
  const clock = shiftedServerClock(() => shift);
  const [env, bundle, channels] = await Promise.all([
    createTimeSkippingEnv(),
    bundleWorkflows(require.resolve('../../workflows')),
    startTestChannels({ now: clock, zalo: { ...options.zalo, now: () => planNowMs ?? Date.now() + shift } }),
  ]);
  const running: { worker: Worker; done: Promise<void> }[] = [];

  const activities = (): Activities =>
    createActivities({ ...channels.deps, notify: { ...channels.deps.notify, ledger: createMemoryLedger() } });
  const withPlanClock = (activities: Activities): Activities => {
    const wrapped: Record<string, unknown> = {};
    for (const [name, fn] of Object.entries(activities)) {
      wrapped[name] = (...args: unknown[]): Promise<unknown> => {
        planNowMs = clock().getTime();
        return (fn as (...a: unknown[]) => Promise<unknown>)(...args);
      };
    }
    return wrapped as Activities;
  };

  const emails = (unitId?: string): CapturedEmail[] =>
    channels.smtp
      .messages()
      .map((m) => {
        const header = (name: string): string => (m.parsed.headers.get(name) as string | undefined) ?? '';
        const key = header('x-dondoc-key');
        const parts = key.split('/');
        return {
          kind: header('x-dondoc-kind'),
          unit: header('x-dondoc-unit'),
          obligations: header('x-dondoc-obligation'),
          level: header('x-dondoc-level'),
          scheduledAt: header('x-dondoc-scheduled-at'),
          key,
          event: parts[5] ?? '',
          audience: parts[6] ?? '',
          to: m.envelope.rcptTo,
        };
      })
      .filter((e) => unitId === undefined || e.unit === unitId);

  return {
    env,
    bundle,
    channels,
    activities,
    async start(input, planStart, startOptions = {}) {
      shift = Date.parse(planStart) - (await env.currentTimeMs());
      planNowMs = undefined;
      const taskQueue = startOptions.taskQueue ?? `unit-${randomUUID()}`;
      const worker = await Worker.create({
        connection: env.nativeConnection,
        dataConverter: testDataConverter,
        taskQueue,
        workflowBundle: bundle,
        activities: withPlanClock(startOptions.activities ?? activities()),
      });
      const handle = await env.client.workflow.start(unitWorkflow, {
        taskQueue,
        workflowId:
          startOptions.workflowId ??
          `dondoc/${input.cycle.planId}/${input.cycle.year}/${input.unit.id}/${randomUUID()}`,
        args: [{ ...input, clockShiftMs: shift }],
      });
      const entry = { worker, done: worker.run() };
      running.push(entry);
      const planNow = async (): Promise<number> => (await env.currentTimeMs()) + shift;
      return {
        handle,
        planNow,
        async sleepUntil(planTime) {
          const target = Date.parse(planTime) - shift;
          const current = await env.currentTimeMs();
          if (target > current) await env.sleep(target - current);
        },
        status: () => handle.query(getStatusQuery),
        waitForStatus: (match) => poll(() => handle.query(getStatusQuery), match),
        async stop() {
          await handle.signal(closeSignal);
          const result = await handle.result();
          worker.shutdown();
          await entry.done;
          running.splice(running.indexOf(entry), 1);
          return result;
        },
      };
    },
    emails,
    waitForEmails(match, count = 1) {
      return poll(
        async () => emails().filter(match),
        (found) => found.length >= count,
      );
    },
    async teardown() {
      for (const { worker, done } of running) {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await done.catch(() => undefined);
      }
      await channels.close();
      await env.teardown();
    },
  };
}

async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`still not there after ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
