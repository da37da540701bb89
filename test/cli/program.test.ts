import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

  const SECRET = 'a-signing-secret-of-at-least-32-bytes';
  const PAYLOAD_KEYS = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
  it.each([
    ['an invalid port', { PORT: 'not-a-port', DONDOC_SECRET: SECRET }, /^PORT /],
    ['a short secret', { DONDOC_SECRET: 'short' }, /DONDOC_SECRET must be at least 32 bytes/],
    [
      'a shared database without a secret',
      { DATABASE_URL: 'postgres://x@127.0.0.1:1/db' },
      /DONDOC_SECRET is required when DATABASE_URL is set/,
    ],
    ['an unknown blob store', { BLOB_STORE: 'ftp' }, /BLOB_STORE must be local, database or s3/],
    [
      'a database URL that is not PostgreSQL',
      { DATABASE_URL: 'mysql://x@h/db', DONDOC_SECRET: SECRET },
      /DATABASE_URL must be a postgres:\/\/ URL/,
    ],
    [
      'a shared database without payload keys',
      { DATABASE_URL: 'postgres://x@127.0.0.1:1/db', DONDOC_SECRET: SECRET },
      /^DONDOC_PAYLOAD_KEYS is required when DATABASE_URL is set$/m,
    ],
    [
      'a payload key that is not 32 bytes',
      { DONDOC_PAYLOAD_KEYS: `k1:${Buffer.alloc(16).toString('base64')}` },
      /DONDOC_PAYLOAD_KEYS key "k1" must be 32 bytes in base64/,
    ],
    [
      'an unreachable database',
      { DATABASE_URL: 'postgres://x@127.0.0.1:1/db', DONDOC_SECRET: SECRET, DONDOC_PAYLOAD_KEYS: PAYLOAD_KEYS },
      /DATABASE_URL: cannot reach postgres:\/\/x@127\.0\.0\.1:1\/db/,
    ],
  ])('refuses to start with %s: one line naming the variable, exit 1, nothing started', async (_case, env, line) => {
    const dataDir = path.join(os.tmpdir(), `dondoc-refused-${process.pid}-${Math.random().toString(36).slice(2)}`);
    const result = await runDondoc(['start'], { ...env, DONDOC_DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(line);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('refuses to start when the blob store cannot be reached: one line naming BLOB_STORE, exit 1', async () => {
    const dataDir = path.join(os.tmpdir(), `dondoc-refused-${process.pid}-${Math.random().toString(36).slice(2)}`);
    mkdirSync(dataDir, { recursive: true });
    const result = await runDondoc(['start'], {
      DONDOC_DATA_DIR: dataDir,
      BLOB_STORE: 's3',
      S3_BUCKET: 'dondoc',
      S3_ENDPOINT: 'http://127.0.0.1:1',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
    });
    rmSync(dataDir, { recursive: true, force: true });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^BLOB_STORE=s3: bucket dondoc at http:\/\/127\.0\.0\.1:1: /);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).not.toContain('Temporal dev server');
  });

  it.each([
    ['a short generated signing secret', 'signing-secret', 'short\n', /the signing secret is empty or shorter than 32/],
    ['an empty admin password file', 'admin-password', '', /the admin password file is empty/],
  ])('refuses to start with %s: one line naming the file, exit 1, nothing started', async (_case, name, text, line) => {
    const dataDir = path.join(os.tmpdir(), `dondoc-refused-${process.pid}-${Math.random().toString(36).slice(2)}`);
    const file = path.join(dataDir, 'secrets', name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    try {
      const result = await runDondoc(['start'], { DONDOC_DATA_DIR: dataDir, TEMPORAL_ADDRESS: '', DATABASE_URL: '' });
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr.startsWith(`${file}: `)).toBe(true);
      expect(result.stderr).toMatch(line);
      // Nothing was started: no database, no Temporal state.
      expect(readdirSync(dataDir)).toEqual(['secrets']);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
