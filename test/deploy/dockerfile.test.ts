import packageJson from '../../package.json';
import { readDockerfile, readRootFile } from './deploy-files';

const instructions = readDockerfile();
const args = (keyword: string): string[] =>
  instructions.filter((line) => line.keyword === keyword).map((line) => line.args);

describe('Dockerfile', () => {
  it('builds in stages on the Node 24 image of the version package.json pins', () => {
    const bases = args('FROM').map((from) => from.split(/\s+/)[0]);
    expect(bases.length).toBeGreaterThanOrEqual(2);
    for (const base of bases) expect(base).toBe(`node:${packageJson.dependencies.node}-bookworm-slim`);
    expect(packageJson.dependencies.node).toMatch(/^24\./);
  });

  it('installs the dependencies alone, once, as the production install check runs it', () => {
    const installs = args('RUN').filter((run) => run.startsWith('npm ci'));
    expect(installs).toEqual([expect.stringContaining('--omit=dev')]);
  });

  it('runs `bin/dondoc start` as an unprivileged user', () => {
    const users = args('USER');
    expect(users.at(-1)).toBe('node');
    expect(args('CMD')).toEqual(['["bin/dondoc", "start"]']);
    expect(args('HEALTHCHECK')).toEqual([expect.stringContaining('/healthz')]);
  });

  it('leaves out of the image what must not be in it', () => {
    const ignored = readRootFile('.dockerignore').split('\n');
    for (const entry of ['.git', 'node_modules', 'data', '.tools', 'test-artifacts', '.env', 'dondoc.env']) {
      expect(ignored).toContain(entry);
    }
  });
});
