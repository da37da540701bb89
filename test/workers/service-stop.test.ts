import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { canConnect } from '../../workers/port-check';
import { servicePorts, startDondoc, type LongRunning } from '../helpers/cli';

const ERROR_TEXT = /error|lỗi|\n\s+at |unexpected/i;

/** Every process whose command line names `dir`: the service and the dev server it spawned (its SQLite file). */
function processesUsing(dir: string): string[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
        return cmdline.includes(dir) ? [`${pid}: ${cmdline}`] : [];
      } catch {
        return [];
      }
    });
}

/**
 * bin/dondoc.cjs listens for SIGTERM from its first line, before the sources load; until then (Node's own start, a few
 * tens of ms) the kernel's default stops the process.
 */
function catchesSigterm(pid: number | undefined): boolean {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const caught = /^SigCgt:\s*([0-9a-f]+)$/m.exec(status)?.[1] ?? '0';
  return (BigInt(`0x${caught}`) & (1n << 14n)) !== 0n;
}

async function until(check: () => Promise<boolean> | boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

describe('dondoc start stops cleanly at any moment of its start-up', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  const running: LongRunning[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-stop-'));
    env = {
      DONDOC_DATA_DIR: dataDir,
      ...(await servicePorts()),
      TEMPORAL_ADDRESS: '',
    };
  });
  afterEach(async () => {
    for (const run of running.splice(0)) {
      if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
      await run.exited;
    }
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const start = (): LongRunning => {
    const run = startDondoc(['start'], env);
    running.push(run);
    return run;
  };

  // Each moment: a fixed delay after spawning, or a line of the banner (the step after it is under way).
  // No timing is asserted (the machine may be loaded); the 10 s bound comes from the dev server's grace and
  // LATE_DISPOSAL_MS in workers/service.ts.
  it.each([
    ['while the sources load', 'catching SIGTERM'],
    ['while the database opens', 'Database'],
    ['while the dev server starts', 'Blob store'],
    ['while the worker bundles the workflows', 'Temporal Web UI'],
    ['while the web server starts', 'Worker '],
    ['once running', 'dondoc is running'],
  ] as const)('SIGTERM %s: exit 0, no error text, nothing left running', async (_, moment) => {
    const run = start();
    if (moment === 'catching SIGTERM') expect(await until(() => catchesSigterm(run.child.pid), 10_000)).toBe(true);
    else await run.waitFor(moment);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).not.toMatch(ERROR_TEXT);
    expect(processesUsing(dataDir)).toEqual([]);
    expect(await canConnect('127.0.0.1', Number(env.TEMPORAL_DEV_PORT))).toBe(false);
    expect(await canConnect('127.0.0.1', Number(env.PORT))).toBe(false);
  });

  it('leaves no dev server holding the port when it is killed outright (SIGKILL), so the next start works', async () => {
    const killed = start();
    await killed.waitFor('dondoc is running');
    killed.child.kill('SIGKILL');
    await killed.exited;
    // The kernel tells the dev server its parent died (setpriv --pdeathsig); it stops on its own.
    expect(await until(() => processesUsing(dataDir).length === 0, 8_000)).toBe(true);
    const next = start();
    await next.waitFor('dondoc is running');
    next.child.kill('SIGINT');
    expect(await next.exited).toBe(0);
    expect(next.output()).not.toMatch(ERROR_TEXT);
  });
});
