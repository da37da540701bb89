import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { stringify } from 'yaml';
import { atPlanDate } from '../domain/plan-time';
import { seedPlan } from '../test/helpers/plans';
import { startTestStack } from '../test/helpers/stack';
import { buildTestApp, login } from '../test/web/web-harness';
import { printTable, type Measurement } from './measure';

/** The seed plan with `count` communes (copies of its nine) and its yearly obligations, as a plan file. */
async function scaledPlanFile(dir: string, count: number): Promise<string> {
  const seed = seedPlan();
  const communes = seed.units.filter((u) => u.kind === 'commune');
  const supervisor = seed.units.find((u) => u.id === seed.supervisor)!;
  const units = [
    supervisor,
    ...Array.from({ length: count - 1 }, (_, i) => ({
      ...communes[i % communes.length]!,
      id: `xa-${i}`,
      name: `UBND xã số ${i}`,
    })),
  ];
  const obligations = seed.obligations.filter((o) => o.appliesTo.kinds?.includes('commune'));
  const file = path.join(dir, `bench-${count}.yaml`);
  await writeFile(
    file,
    stringify({ ...seed, id: `bench-${count}`, units, obligations }, { aliasDuplicateObjects: false }),
  );
  return file;
}

/** The first (cold: no cached unit status) call's time, then the median of `runs` more. */
async function timed(runs: number, fn: () => Promise<unknown>): Promise<{ cold: number; median: number }> {
  const first = performance.now();
  await fn();
  const cold = performance.now() - first;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return { cold, median: times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0 };
}

/**
 * The dashboard's matrix page on a real dev server and worker, for a small cycle (the baseline) and a 10,000-unit
 * one: a page queries only its own 50 units, so its time must not grow with the cycle.
 */
export async function benchDashboard(counts: readonly number[] = [100, 10_000]): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dondoc-bench-web-'));
  const stack = await startTestStack();
  try {
    const { app } = await buildTestApp(stack);
    const { cookies } = await login(app);
    const pageSize = app.web.pageSize;
    const rows: Measurement[] = [];
    for (const count of counts) {
      const planFile = await scaledPlanFile(dir, count);
      const prepared = await stack.core.prepare({ planFile, year: 2031, channels: { zns: false, oa: false } });
      // Plan time just after the issue date: nothing is due, so the units only sleep.
      const clockShiftMs = atPlanDate(prepared.input.cycle.issuedOn, '07:30') - Date.now();
      const started = performance.now();
      const cycle = prepared.input.cycle;
      await stack.core.start({ ...prepared, input: { ...prepared.input, clockShiftMs } });
      for (;;) {
        const status = await stack.core.cycleStatus(cycle);
        if (status.started >= count) break;
        console.error(`  ${count} units: ${status.started} started…`);
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
      // The worker still has to run every unit's first workflow task: measure the steady state, once every unit of
      // the measured pages answers its query.
      const pages = [prepared.input.unitIds.slice(0, pageSize), prepared.input.unitIds.slice(-pageSize)].flat();
      for (const unitId of pages) {
        for (;;) {
          try {
            await stack.core.unitStatus(cycle, unitId);
            break;
          } catch {
            await new Promise((resolve) => setTimeout(resolve, 1000));
          }
        }
      }
      const startSeconds = ((performance.now() - started) / 1000).toFixed(1);
      const url = `/cycles/bench-${count}/2031`;
      const get = async (query: string): Promise<void> => {
        const response = await app.inject({ method: 'GET', url: `${url}${query}`, cookies });
        if (response.statusCode !== 200) {
          throw new Error(
            `${url}${query}: ${response.statusCode} ${response.body
              .replace(/<[^>]+>/g, ' ')
              .replace(/\s+/g, ' ')
              .slice(0, 400)}`,
          );
        }
      };
      const lastPage = Math.ceil(count / pageSize);
      const first = await timed(9, () => get(''));
      const last = await timed(9, () => get(`?page=${lastPage}`));
      rows.push({
        name: `${count} units: matrix page 1`,
        medianMs: first.median,
        runs: 9,
        note: `cold ${first.cold.toFixed(0)} ms; cycle started in ${startSeconds} s`,
      });
      rows.push({
        name: `${count} units: matrix page ${lastPage}`,
        medianMs: last.median,
        runs: 9,
        note: `cold ${last.cold.toFixed(0)} ms`,
      });
    }
    printTable('Dashboard matrix page (issue #6: under 300 ms with 10,000 units)', rows, rows[0]!);
  } finally {
    await stack.teardown();
    await rm(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const counts = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  benchDashboard(counts.length > 0 ? counts : undefined).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
