import { performance } from 'node:perf_hooks';
import type { PreparedCycle } from '../cycles';
import { unitWorkflowId } from '../domain/cycle/cycle-input';
import type { BenchStack } from './bench-stack';

export interface StartedCycle {
  prepared: PreparedCycle;
  /** Unit workflows started per second: from the cycle's start call until the last one's first task ran. */
  unitsPerSecond: number;
  seconds: number;
  prepareMs: number;
}

/** Prepares and starts a cycle of `planFile` (plan time shifted by `clockShiftMs`), and waits until every unit runs. */
export async function startCycle(
  stack: BenchStack,
  planFile: string,
  year: number,
  clockShiftFor: (prepared: PreparedCycle) => number,
): Promise<StartedCycle> {
  const preparing = performance.now();
  const prepared = await stack.core.prepare({ planFile, year, channels: { zns: false, oa: false } });
  const prepareMs = performance.now() - preparing;
  const input = { ...prepared.input, clockShiftMs: clockShiftFor(prepared) };
  const ids = input.unitIds.map((unitId) => unitWorkflowId(input.cycle, unitId));
  const started = performance.now();
  await stack.core.start({ ...prepared, input });
  const last = await stack.waitRunning(ids, `${input.cycle.planId}/${year}`);
  const seconds = (last - started) / 1000;
  return { prepared: { ...prepared, input }, unitsPerSecond: ids.length / seconds, seconds, prepareMs };
}
