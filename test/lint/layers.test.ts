import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join('test', 'fixtures', 'layers');

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; message: string }[];
}

/**
 * ESLint enforces the layers (eslint.config.mjs): each fixture under test/fixtures/layers/<layer>/ is linted as if it
 * lived in <layer>/. The fixtures are ignored by `npm run lint`; this runs ESLint on them in a child process (its
 * flat config is ESM, which jest's module system does not load).
 */
describe('the layer boundaries', () => {
  let results: Map<string, string[]>;

  beforeAll(async () => {
    const eslint = path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
    const run = await promisify(execFile)(process.execPath, [eslint, '--no-ignore', '--format', 'json', FIXTURES], {
      cwd: root,
      maxBuffer: 16 * 1024 * 1024,
    }).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '[]' }));
    const parsed = JSON.parse(run.stdout) as LintResult[];
    results = new Map(
      parsed.map((file) => [
        path.relative(path.join(root, FIXTURES), file.filePath),
        file.messages.map((m) => m.ruleId ?? m.message),
      ]),
    );
  }, 120_000);

  it.each([
    ['domain/imports-config.ts', 'import-x/no-restricted-paths'],
    ['cli/imports-web.ts', 'import-x/no-restricted-paths'],
    ['web/imports-cli.ts', 'import-x/no-restricted-paths'],
    ['channels/imports-activities.ts', 'import-x/no-restricted-paths'],
    ['db/imports-the-core.ts', 'import-x/no-restricted-paths'],
    ['reports/imports-channels.ts', 'import-x/no-restricted-paths'],
    ['web/updates-a-workflow.ts', '@typescript-eslint/no-restricted-imports'],
  ])('refuses %s (%s)', (file, rule) => {
    expect(results.get(file)).toContain(rule);
  });

  it('accepts an adapter that acts through the core and imports message types', () => {
    expect(results.get('web/uses-the-core.ts')).toEqual([]);
  });
});
