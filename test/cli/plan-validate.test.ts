import { readdirSync } from 'node:fs';
import path from 'node:path';
import { runDondoc, type CliResult } from '../helpers/cli';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'plans');
const BROKEN = path.join(FIXTURES, 'broken');
const STACK_LINE = /^\s+at /m;

/** Spawning bin/dondoc costs ~0.7 s: run the spawns a few at a time rather than one after the other. */
async function inChunks<T, R>(items: readonly T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    results.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  }
  return results;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A stderr line that names the file and the problem: `file:12: units[3].head.email: …`, or, for a YAML syntax
 * error (fixtures named yaml-*), which has no path, `file[:12]: YAML syntax error: …`.
 */
function problemLine(file: string): RegExp {
  const where = path.basename(file).startsWith('yaml-') ? '(?::\\d+)?: YAML syntax error: ' : ':\\d+: [\\w.[\\]-]+: ';
  return new RegExp(`^${escapeRegExp(file)}${where}\\S`, 'm');
}

describe('dondoc plan validate', () => {
  it('accepts the valid plans with exit code 0 and a one-line summary of units and obligations', async () => {
    const [minimal, sample] = await Promise.all([
      runDondoc(['plan', 'validate', path.join(FIXTURES, 'valid-minimal.yaml')]),
      runDondoc(['plan', 'validate', path.resolve(__dirname, '..', '..', 'config', 'plans', 'dvcq-ia-pa.yaml')]),
    ]);
    expect(minimal).toMatchObject({ code: 0, stderr: '' });
    expect(minimal.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(minimal.stdout).toMatch(/\bke-hoach-mau\b/);
    expect(minimal.stdout).toMatch(/: 3 đơn vị /);
    expect(minimal.stdout).toMatch(/, 2 nhiệm vụ,/);
    expect(sample).toMatchObject({ code: 0, stderr: '' });
    expect(sample.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(sample.stdout).toMatch(/dvcq-ia-pa: \d+ đơn vị .*, \d+ nhiệm vụ/);
  });

  it('rejects every broken fixture with exit code 2, naming the problem, without a stack trace', async () => {
    const files = readdirSync(BROKEN)
      .filter((name) => name.endsWith('.yaml'))
      .sort()
      .map((name) => path.join(BROKEN, name));
    expect(files.length).toBeGreaterThanOrEqual(20);

    const results = await inChunks(files, 4, async (file) => ({
      file,
      ...(await runDondoc(['plan', 'validate', file])),
    }));

    const summary = (result: CliResult & { file: string }) => ({
      file: path.basename(result.file),
      code: result.code,
      stdout: result.stdout,
      namesTheProblem: problemLine(result.file).test(result.stderr),
      stackTrace: STACK_LINE.test(result.stderr),
    });
    expect(results.map(summary)).toEqual(
      files.map((file) => ({
        file: path.basename(file),
        code: 2,
        stdout: '',
        namesTheProblem: true,
        stackTrace: false,
      })),
    );
  });

  it('prints the exact path of each problem, one per line', async () => {
    const cases: [file: string, path: string][] = [
      ['invalid-email.yaml', 'units[3].head.email'],
      ['unknown-supervisor.yaml', 'supervisor'],
      ['applies-to-unknown-unit.yaml', 'obligations[1].appliesTo.units[0]'],
      ['form-field-min-above-max.yaml', 'forms.bao-cao-dvcq.fields[1].max'],
    ];
    const results = await Promise.all(cases.map(([file]) => runDondoc(['plan', 'validate', path.join(BROKEN, file)])));
    results.forEach((result, i) => {
      const [file, issuePath] = cases[i] ?? ['', ''];
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        new RegExp(`^${escapeRegExp(path.join(BROKEN, file))}:\\d+: ${escapeRegExp(issuePath)}: `, 'm'),
      );
    });
  });

  it('rejects a missing file with exit code 2 and no stack trace', async () => {
    const missing = path.join(FIXTURES, 'no-such-plan.yaml');
    const result = await runDondoc(['plan', 'validate', missing]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${missing}: no such file`);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });
});
