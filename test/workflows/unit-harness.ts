import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities, type Activities } from '../../activities';
import { shiftedServerClock } from '../../activities/shifted-clock';
import type { FakeZaloOptions } from '../../channels/fake-zalo';
import type { UnitWorkflowInput } from '../../domain/cycle/unit-input';
import type { UnitStatus } from '../../domain/cycle/unit-status';
import { unitWorkflow } from '../../workflows';
import { closeSignal, getStatusQuery } from '../../workflows/unit-messages';
import { startTestChannels, type TestChannels } from '../helpers/channels';
import { bundleWorkflows, createTimeSkippingEnv } from '../helpers/temporal';

/**
 * The pattern of `unit-workflow.test.ts` for the unit workflow test files: each file gets its own time-skipping
 * server, workflow bundle, SMTP capture and fake Zalo, and runs plan year 2022 through a shifted clock.
 */
export interface UnitHarness {
  env: TestWorkflowEnvironment;
  bundle: WorkflowBundleWithSourceMap;
  channels: TestChannels;
  /** The activities of `createActivities(channels.deps)`; wrap one to change its behaviour. */
  activities(): Activities;
  /** Starts `input` so that plan time reads `planStart` now. */
  start(input: UnitWorkflowInput, planStart: string, options?: StartOptions): Promise<UnitRun>;
  /** Every captured email, headers decoded. */
  emails(unitId?: string): CapturedEmail[];
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

  return {
    env,
    bundle,
    channels,
    activities: () => createActivities(channels.deps),
    async start(input, planStart, startOptions = {}) {
      shift = Date.parse(planStart) - (await env.currentTimeMs());
      planNowMs = undefined;
      const taskQueue = startOptions.taskQueue ?? `unit-${randomUUID()}`;
      const worker = await Worker.create({
        connection: env.nativeConnection,
        taskQueue,
        workflowBundle: bundle,
        activities: withPlanClock(startOptions.activities ?? createActivities(channels.deps)),
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
    emails(unitId) {
      return channels.smtp
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
