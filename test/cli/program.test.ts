import { runCli } from '../../cli/program';
import { runDondoc } from '../helpers/cli';

function capture() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { stdout: (text: string) => (out.stdout += text), stderr: (text: string) => (out.stderr += text) },
  };
}

describe('the dondoc command line', () => {
  it('lists its commands with --help and exits 0', async () => {
    const { out, io } = capture();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(out.stdout).toMatch(/Commands:/);
    // A command line, not the word inside another command's description ("needs `dondoc start` running").
    expect(out.stdout).toMatch(/^ {2}start\b/m);
  });

  it('rejects an unknown command with exit code 2 and a clear message', async () => {
    const { out, io } = capture();
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(out.stderr).toContain("unknown command 'frobnicate'");
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects an unknown flag with exit code 2', async () => {
    const { out, io } = capture();
    expect(await runCli(['start', '--no-such-flag'], io)).toBe(2);
    expect(out.stderr).toContain("unknown option '--no-such-flag'");
  });

  it('exits 2 through the real executable too', async () => {
    const result = await runDondoc(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });

  it('reports an invalid environment variable by name with exit code 2', async () => {
    const result = await runDondoc(['start'], { PORT: 'not-a-port', TEMPORAL_ADDRESS: '127.0.0.1:1' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/PORT: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
