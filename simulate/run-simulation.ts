import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { createActivities } from '../activities';
import { createPlanStore } from '../storage/plan-store';
import { createMemoryLedger } from '../activities/notify/sent-ledger';
import { shiftedServerClock } from '../activities/shifted-clock';
import { loadAnnouncedSchedules } from '../config/calendars';
import type { Config } from '../config/env';
import { loadPlanFile } from '../config/plan-loader';
import { resolveTestServer } from '../config/temporal-binaries';
import { unitWorkflowId } from '../domain/cycle/cycle-input';
import type { DayNumber } from '../domain/local-date';
import { prepareCycle, startCycle } from '../workers/cycles';
import { closeCycleUpdate, getCycleStatusQuery } from '../workflows/cycle-messages';
import { extendUpdate, getStatusQuery, submitUpdate, waiveUpdate } from '../workflows/unit-messages';
import { createNotificationLog } from './notification-log';
import { outcomesOf, type Outcome } from './outcomes';
import { loadScenario, type Scenario } from './scenario';
import { startSimulationChannels } from './simulation-channels';

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
  const plansDir = await mkdtemp(path.join(os.tmpdir(), 'dondoc-simulate-'));
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed by an earlier simulation in this process.
  }
  const executable = resolveTestServer({
    explicit: config.env.TEMPORAL_TEST_SERVER_PATH,
    projectRoot: config.projectRoot,
    searchPath: config.rawEnv.PATH,
  });
  const [env, workflowBundle] = await Promise.all([
    TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: executable } } }),
    bundleWorkflowCode({ workflowsPath: require.resolve('../workflows'), logger: new DefaultLogger('WARN') }),
  ]);
  let shift = 0;
  const now = shiftedServerClock(() => shift);
  const log = createNotificationLog();
  const channels = await startSimulationChannels(config, { ...options, now, log });
  try {
    const plans = createPlanStore(plansDir);
    const announced = loadAnnouncedSchedules();
    const taskQueue = `simulate-${randomUUID()}`;
    const prepared = await prepareCycle({
      planFile: options.planFile,
      year: options.year,
      ...(options.issuedOn !== undefined && { issuedOn: options.issuedOn }),
      plans,
      announced,
      channels: { zns: true, oa: true },
      searchAttributes: false,
    });
    const planStart = Date.parse(`${prepared.input.cycle.issuedOn}T00:00:00+07:00`);
    shift = planStart - (await env.currentTimeMs());
    const input = { ...prepared.input, clockShiftMs: shift };
    for (const line of channels.describe) options.log(line);

    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle,
      activities: createActivities({
        now,
        notify: { mailer: channels.mailer, zalo: channels.zalo, ledger: createMemoryLedger() },
        announced,
        cycle: { client: env.client, taskQueue, plans, reportsDir: path.join(options.outDir, 'reports') },
      }),
    });

    const result = await worker.runUntil(async () => {
      const cycle = await startCycle(env.client, taskQueue, input);
      await waitFor(async () => (await cycle.query(getCycleStatusQuery)).started >= input.unitIds.length);
      options.log(`cycle ${cycle.workflowId}: ${input.unitIds.length} units started`);
      const sleepUntil = async (planTime: number): Promise<void> => {
        const target = planTime - shift;
        const current = await env.currentTimeMs();
        if (target > current) await env.sleep(target - current);
      };
      const rejected = await playScenario(env, plan.id, options.year, scenario, sleepUntil);
      options.log(`scenario played (${rejected.length} actions rejected); running to the end of ${options.year}`);
      const end = Math.max(
        Date.parse(`${options.year}-12-31T23:59:00+07:00`),
        ...input.aggregations.map((a) => Date.parse(a.at) + 60_000),
      );
      await sleepUntil(end);
      await settle(() => log.entries().length);
      const statuses = await Promise.all(
        input.unitIds.map((unitId) =>
          env.client.workflow.getHandle(unitWorkflowId(input.cycle, unitId)).query(getStatusQuery),
        ),
      );
      const histories = await Promise.all(
        input.unitIds.map(async (unitId) => {
          const described = await env.client.workflow.getHandle(unitWorkflowId(input.cycle, unitId)).describe();
          return { unitId, events: described.historyLength };
        }),
      );
      await cycle.executeUpdate(closeCycleUpdate);
      return { statuses, rejected, busiest: histories.sort((a, b) => b.events - a.events)[0] };
    });
    const outcomes = outcomesOf(result.statuses);
    const entries = log.entries();
    await writeFile(path.join(options.outDir, 'outcomes.json'), `${JSON.stringify(outcomes, null, 2)}\n`);
    await writeFile(
      path.join(options.outDir, 'notifications.jsonl'),
      entries.map((e) => JSON.stringify(e)).join('\n') + '\n',
    );
    return { outcomes, notifications: entries.length, rejected: result.rejected, busiestHistory: result.busiest };
  } finally {
    await channels.close();
    await env.teardown();
    await rm(plansDir, { recursive: true, force: true });
  }
}

async function playScenario(
  env: TestWorkflowEnvironment,
  planId: string,
  year: number,
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
    const handle = env.client.workflow.getHandle(unitWorkflowId({ planId, year }, action.unit));
    try {
      if (action.type === 'submit') {
        await handle.executeUpdate(submitUpdate, {
          args: [
            {
              obligationId: action.obligation,
              channel: 'web',
              receivedAt: action.at,
              ...(action.values && { values: action.values }),
              ...(action.documentNumber && { documentNumber: action.documentNumber }),
              ...(action.documentDate && { documentDate: action.documentDate }),
              ...(action.submittedBy && { submittedBy: action.submittedBy }),
            },
          ],
        });
      } else if (action.type === 'extend') {
        await handle.executeUpdate(extendUpdate, {
          args: [{ obligationId: action.obligation, newDueDate: action.newDueDate, reason: action.reason }],
        });
      } else {
        await handle.executeUpdate(waiveUpdate, { args: [{ obligationId: action.obligation, reason: action.reason }] });
      }
    } catch (err) {
      if (!(err instanceof WorkflowUpdateFailedError)) throw err;
      const reason = err.cause instanceof Error ? err.cause.message : err.message;
      rejected.push(`${action.type} ${action.unit}/${action.obligation} at ${action.at}: ${reason}`);
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
