import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { mapLimit } from '../cycles';
import { atPlanDate } from '../domain/plan-time';
import type { BenchContext } from './bench-context';
import { scaledSeedPlanFile } from './plans';
import { startCycle } from './start-cycle';

/** Starts in flight at once for the bare-SDK baseline: what a script would do with the SDK and nothing else. */
const BASELINE_CONCURRENCY = 100;

/**
 * A cycle's unit workflows started on the dev server until each one's first task ran, against the same number of
 * bare `client.workflow.start` calls of a workflow that only sleeps, on the same server and worker.
 */
export async function benchStart({ stack, results, sizes }: BenchContext): Promise<void> {
  const count = sizes.startUnits;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dondoc-bench-start-'));
  try {
    const ids = Array.from({ length: count }, (_, i) => `bench-sleep-${i}`);
    const cachedBefore = stack.worker.getStatus().numCachedWorkflows;
    const started = performance.now();
    await mapLimit(ids, BASELINE_CONCURRENCY, (workflowId) =>
      stack.client.workflow.start('benchSleepWorkflow', {
        workflowId,
        taskQueue: stack.taskQueue,
        args: [24 * 3600_000],
      }),
    );
    const last = await stack.waitRunning(ids, 'bare SDK');
    const baseline = count / ((last - started) / 1000);
    await clearBaseline(stack, ids, cachedBefore);

    // Plan time just after the issue date: nothing is due, so the units only sleep.
    const { file } = await scaledSeedPlanFile(dir, count + 1);
    const cycle = await startCycle(
      stack,
      file,
      2031,
      (prepared) => atPlanDate(prepared.input.cycle.issuedOn, '07:30') - Date.now(),
    );
    results.shared.set('unitsPerSecond', cycle.unitsPerSecond);
    results.add({
      bench: 'start',
      measurement: `cycle start: ${count} unit workflows running`,
      figure: cycle.unitsPerSecond,
      unit: 'starts/s',
      baseline: { figure: baseline, what: `bare SDK: ${count} sleeping workflows, ${BASELINE_CONCURRENCY} in flight` },
      ratio: cycle.unitsPerSecond / baseline,
      aim: { ratioAtLeast: 0.9 },
      note: `${cycle.seconds.toFixed(1)} s; prepare ${cycle.prepareMs.toFixed(0)} ms`,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Cancels the baseline's sleeping workflows (each one ends in a workflow task, which evicts it; a termination would
 * leave it cached) and waits until the worker has dropped them from its cache: the cycle
 * then starts on an empty cache as the baseline did. Left there, 2,000 of them fill most of the default cache (about
 * 2,400 workflows on this heap), and the cycle's units would pay for evicting them.
 */
async function clearBaseline(stack: BenchContext['stack'], ids: readonly string[], cached: number): Promise<void> {
  await mapLimit(ids, BASELINE_CONCURRENCY, (workflowId) => stack.client.workflow.getHandle(workflowId).cancel());
  while (stack.worker.getStatus().numCachedWorkflows > cached) await new Promise((resolve) => setTimeout(resolve, 250));
}
