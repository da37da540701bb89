import { createRequire } from 'node:module';
import { runDondoc } from '../helpers/cli';

// dondoc runs on Node 24: `npm ci` installs the pinned `node` package and npm scripts (jest among them) put its
// binary first on PATH; bin/dondoc picks it from node_modules itself, whatever `node` the PATH holds.
const major = (version: string): number => Number(/^v(\d+)\./.exec(version)?.[1]);

describe('the Node.js runtime', () => {
  it('runs the tests on Node 24', () => {
    expect(major(process.version)).toBe(24);
  });

  it('is the version package.json pins', () => {
    const pinned = (createRequire(__filename)('../../package.json') as { dependencies: Record<string, string> })
      .dependencies.node;
    expect(process.version).toBe(`v${pinned}`);
  });

  it('runs bin/dondoc on the pinned Node even when PATH offers another one', async () => {
    const result = await runDondoc(['--help'], {
      PATH: '/usr/local/bin:/usr/bin:/bin',
      NODE_OPTIONS: '--import=data:text/javascript,process.stderr.write(`node=${process.version}\\n`)',
    });
    expect(result.stderr).toContain(`node=${process.version}`);
    expect(result.code).toBe(0);
  });
});
