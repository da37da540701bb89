import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { runDondoc, type CliResult } from '../helpers/cli';
import { CYCLE_SMALL, runCliWith, startTestStack, type TestStack } from '../helpers/stack';
import { mutate, PLAN_MUTATIONS } from './plan-mutations';
import { report } from './reliability-helpers';

/**
 * 40 malformed plans (one mutation each of a valid fixture) given to `bin/dondoc plan validate` and `dondoc cycle start`:
 * exit 2, a line `<file>:<line>: <field>: …`, no stack trace, and no cycle started.
 */
jest.setTimeout(20 * 60_000);

const STACK_LINE = /^\s+at /m;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Spawning bin/dondoc costs about a second: a few at a time. */
async function inChunks<T, R>(items: readonly T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  return results;
}

describe('40 malformed plans', () => {
  let stack: TestStack;
  let dir: string;
  let files: string[];

  beforeAll(async () => {
    [stack, dir] = await Promise.all([startTestStack(), mkdtemp(path.join(os.tmpdir(), 'dondoc-bad-plans-'))]);
    const valid: unknown = parse(readFileSync(CYCLE_SMALL, 'utf8'));
    files = await Promise.all(
      PLAN_MUTATIONS.map(async (mutation, index) => {
        const file = path.join(dir, `hong-${String(index + 1).padStart(2, '0')}.yaml`);
        await writeFile(file, stringify(mutate(valid, mutation)));
        return file;
      }),
    );
  });

  afterAll(async () => {
    await stack?.teardown();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const outcome = (file: string, expected: string, result: CliResult) => ({
    file: path.basename(file),
    code: result.code,
    namesFieldAndFile: new RegExp(`^${escapeRegExp(file)}:\\d+: ${escapeRegExp(expected)}`, 'm').test(result.stderr),
    stackTrace: STACK_LINE.test(result.stderr),
  });
  const wanted = (file: string) => ({ file: path.basename(file), code: 2, namesFieldAndFile: true, stackTrace: false });

  it('has 40 distinct mutations', () => {
    expect(PLAN_MUTATIONS).toHaveLength(40);
    expect(new Set(PLAN_MUTATIONS.map((m) => JSON.stringify([m.path, m.value]))).size).toBe(40);
  });

  it('plan validate: exit 2 naming the field and the file, no stack trace', async () => {
    const results = await inChunks(files, 4, (file) => runDondoc(['plan', 'validate', file], stack.env));
    const outcomes = results.map((result, i) => outcome(files[i]!, PLAN_MUTATIONS[i]!.expected, result));
    expect(outcomes).toEqual(files.map(wanted));
    report(
      'malformed-plans validate',
      `${outcomes.length} plans, ${outcomes.filter((o) => o.code === 2).length} exit 2`,
    );
  });

  it('cycle start: exit 2 naming the field and the file, and no workflow started', async () => {
    // In this process (the same program, exit codes and error printing): 40 more spawns would take minutes.
    const results: CliResult[] = [];
    for (const file of files) results.push(await runCliWith(stack.env, ['cycle', 'start', file, '--year', '2031']));
    const outcomes = results.map((result, i) => outcome(files[i]!, PLAN_MUTATIONS[i]!.expected, result));
    expect(outcomes).toEqual(files.map(wanted));
    let workflows = 0;
    for await (const _ of stack.client.workflow.list()) workflows++;
    expect(workflows).toBe(0);
    report('malformed-plans cycle start', `${outcomes.length} plans, exit 2 each, ${workflows} workflows started`);
  });
});
