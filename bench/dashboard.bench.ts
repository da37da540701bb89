import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { atPlanDate } from '../domain/plan-time';
import { testCore } from '../test/helpers/stack';
import { WEB_DEFAULTS } from '../web/web-config';
import type { BenchContext } from './bench-context';
import { scaledSeedPlanFile } from './plans';
import { startCycle } from './start-cycle';
import { benchWebApp } from './web-app';

const WARM_RUNS = 9;
/** A page slower than this cold (the CSV export of every unit) is asked once more warm, not nine times. */
const SLOW_PAGE_MS = 5_000;

/**
 * One big cycle started once (starting 10,000 unit workflows takes minutes on a shared machine), then the worker's
 * memory with all of them open, and the dashboard's pages at that size: the matrix's first and last page, the
 * overdue list and the CSV export, each cold (a fresh web process: no plan snapshot, no unit status cached) and warm.
 */
export async function benchDashboard({ stack, results, sizes }: BenchContext): Promise<void> {
  const count = sizes.dashboardUnits;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dondoc-bench-web-'));
  try {
    const { file, planId } = await scaledSeedPlanFile(dir, count + 1);
    const rssBefore = process.memoryUsage().rss;
    const cycle = await startCycle(
      stack,
      file,
      2031,
      (prepared) => atPlanDate(prepared.input.cycle.issuedOn, '07:30') - Date.now(),
    );
    const units = cycle.prepared.input.unitIds.length;
    results.add({
      bench: 'dashboard',
      measurement: `cycle start: ${units} unit workflows running`,
      figure: cycle.unitsPerSecond,
      unit: 'starts/s',
      note: `${cycle.seconds.toFixed(0)} s; this one cycle serves the rows below`,
    });
    const memory = process.memoryUsage();
    results.add({
      bench: 'dashboard',
      measurement: `worker process memory with ${stack.running.size} open unit workflows (RSS)`,
      figure: memory.rss / 2 ** 20,
      unit: 'MB',
      note:
        `+${((memory.rss - rssBefore) / 2 ** 20).toFixed(0)} MB since before the cycle started; heap used ` +
        `${(memory.heapUsed / 2 ** 20).toFixed(0)} MB; worker, client, core and embedded database in one process`,
    });

    const base = `/cycles/${planId}/2031`;
    const lastPage = Math.ceil(units / WEB_DEFAULTS.pageSize);
    const pages: [string, string][] = [
      ['matrix page 1', base],
      [`matrix page ${lastPage}`, `${base}?page=${lastPage}`],
      ['overdue list', `${base}/overdue`],
      ['CSV export', `${base}/export.csv`],
    ];
    for (const [name, url] of pages) {
      // A web process of its own for each page: nothing it needs is cached yet, as after a restart.
      const webCore = testCore({
        client: stack.client,
        taskQueue: stack.taskQueue,
        dataDir: stack.dataDir,
        db: stack.db,
      });
      const { app, cookies } = await benchWebApp(webCore, stack.db);
      const get = async (): Promise<number> => {
        const started = performance.now();
        const response = await app.inject({ method: 'GET', url, cookies });
        const ms = performance.now() - started;
        if (response.statusCode !== 200) {
          throw new Error(`${url}: ${response.statusCode} ${response.body.replace(/<[^>]+>/g, ' ').slice(0, 400)}`);
        }
        return ms;
      };
      const cold = await get();
      const warm: number[] = [];
      const warmRuns = cold > SLOW_PAGE_MS ? 1 : WARM_RUNS;
      for (let i = 0; i < warmRuns; i++) warm.push(await get());
      warm.sort((a, b) => a - b);
      await app.close();
      results.add({
        bench: 'dashboard',
        measurement: `${units} units: ${name}, cold`,
        figure: cold,
        unit: 'ms',
        aim: { atMost: 100 },
        note: `warm ${warm.length > 1 ? 'median ' : ''}${warm[Math.floor(warm.length / 2)]!.toFixed(0)} ms`,
      });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
