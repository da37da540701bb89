import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../config/env';
import { runSimulation, type SimulationResult } from '../simulate/run-simulation';
import { SEED_PLAN_FILE } from '../test/helpers/plans';
import { largePlanYaml } from '../test/scale-out/large-plan';
import type { ResultCollector } from './results';

const SEED_SCENARIO = path.resolve(__dirname, '..', 'config', 'scenarios', 'dvcq-ia-pa-2022.yaml');

async function timedSimulation(
  planFile: string,
  year: number,
  scenarioFile: string,
): Promise<{ seconds: number; result: SimulationResult }> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'dondoc-bench-simulate-'));
  try {
    const started = performance.now();
    const result = await runSimulation(loadConfig(), { planFile, year, scenarioFile, outDir, log: () => undefined });
    return { seconds: (performance.now() - started) / 1000, result };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/** `dondoc simulate` of the seed plan's year and of a generated plan, and the seed year's longest unit history. */
export async function benchSimulate(results: ResultCollector, units: number): Promise<void> {
  const seed = await timedSimulation(SEED_PLAN_FILE, 2022, SEED_SCENARIO);
  results.add({
    bench: 'simulate',
    measurement: 'simulate the seed plan, 2022',
    figure: seed.seconds,
    unit: 's',
    note: `${seed.result.notifications} notifications`,
  });
  const busiest = seed.result.busiestHistory;
  if (busiest) {
    results.add({
      bench: 'simulate',
      measurement: 'longest unit-workflow history of the seed year',
      figure: busiest.events,
      unit: 'events',
      note: busiest.unitId,
    });
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dondoc-bench-large-'));
  try {
    const planFile = path.join(dir, `mo-rong-${units}.yaml`);
    const scenarioFile = path.join(dir, 'empty-scenario.yaml');
    await writeFile(planFile, largePlanYaml(units));
    await writeFile(scenarioFile, '{}\n');
    const large = await timedSimulation(planFile, 2031, scenarioFile);
    results.add({
      bench: 'simulate',
      measurement: `simulate a generated ${units}-unit plan, one year`,
      figure: large.seconds,
      unit: 's',
      note: `${large.result.notifications} notifications`,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
