import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../../config/env';
import { keyRing } from '../../links/key-ring';
import { loadSigningSecrets, signingSecretFile } from '../../links/signing-secrets';
import { createSubmissionToken, verifySubmissionToken } from '../../links/submission-token';

jest.setTimeout(60_000);

const claims = { planId: 'dvcq-ia-pa', year: 2031, unitId: 'xa-ia-tul', obligationId: 'bao-cao', exp: 2e9 };
const OLD = 'cũ-'.padEnd(40, 'o');
const NEW = 'mới-'.padEnd(40, 'n');

describe('the signing secret', () => {
  let dataDir: string;
  beforeEach(async () => (dataDir = await mkdtemp(path.join(os.tmpdir(), 'dondoc-secret-'))));
  afterEach(async () => rm(dataDir, { recursive: true, force: true }));
  const config = (env: Record<string, string> = {}) => loadConfig({ DONDOC_DATA_DIR: dataDir, ...env });

  it('rotation: a link signed with the old secret verifies under the new one with the old as previous', async () => {
    const before = await loadSigningSecrets(config({ DONDOC_SECRET: OLD }));
    const token = createSubmissionToken(keyRing(before).signing, claims);
    const after = await loadSigningSecrets(config({ DONDOC_SECRET: NEW, DONDOC_PREVIOUS_SECRETS: `${OLD}` }));
    expect(after.current.toString()).toBe(NEW);
    expect(verifySubmissionToken(keyRing(after).verifying, token, Date.now())).toMatchObject({ ok: true });
    // Signing uses the new secret only; without the old one among the previous, the old link is refused.
    expect(keyRing(after).signing.toString()).toBe(NEW);
    const alone = await loadSigningSecrets(config({ DONDOC_SECRET: NEW }));
    expect(verifySubmissionToken(keyRing(alone).verifying, token, Date.now())).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    // Per-purpose keys differ from each other and from the link key, under every secret.
    const session = keyRing(after, 'session');
    expect(session.verifying).toHaveLength(2);
    expect(session.signing.equals(keyRing(after, 'csrf').signing)).toBe(false);
    expect(session.signing.equals(after.current)).toBe(false);
  });

  it('is generated once in embedded mode (0600, ≥ 32 bytes) and reused on the next start', async () => {
    const first = await loadSigningSecrets(config());
    const file = signingSecretFile(dataDir);
    expect(first.file).toBe(file);
    expect(first.current.length).toBeGreaterThanOrEqual(32);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, 'utf8')).trim()).toBe(first.current.toString());
    const second = await loadSigningSecrets(config());
    expect(second.current.equals(first.current)).toBe(true);
  });

  it('an empty or short secret file refuses to start, with one line naming the file', async () => {
    const file = signingSecretFile(dataDir);
    await mkdir(path.dirname(file), { recursive: true });
    for (const content of ['', '\n', 'short-secret\n']) {
      await writeFile(file, content);
      const refused = loadSigningSecrets(config());
      await expect(refused).rejects.toMatchObject({ code: 'CONFIG_INVALID', exitCode: 1 });
      const message = await refused.catch((err: Error) => err.message);
      expect(message).toMatch(
        new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: the signing secret is empty`),
      );
      expect(message).not.toContain('\n');
    }
  });

  it('is never generated outside embedded mode', async () => {
    expect(() => config({ DATABASE_URL: 'postgres://x@127.0.0.1/db' })).toThrow(/DONDOC_SECRET is required/);
    const secrets = await loadSigningSecrets(
      config({
        TEMPORAL_ADDRESS: '127.0.0.1:7233',
        DONDOC_SECRET: randomBytes(32).toString('base64'),
        DONDOC_PAYLOAD_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      }),
    );
    expect(secrets.file).toBeUndefined();
    await expect(stat(signingSecretFile(dataDir))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('processes starting together end up with one secret', async () => {
    const [apart, together] = [path.join(dataDir, 'processes'), path.join(dataDir, 'calls')];
    const script = `require('tsx/cjs/api').register();
      const { loadConfig } = require(${JSON.stringify(require.resolve('../../config/env'))});
      const { loadSigningSecrets } = require(${JSON.stringify(require.resolve('../../links/signing-secrets'))});
      loadSigningSecrets(loadConfig({ DONDOC_DATA_DIR: process.argv[1] })).then((s) => console.log(s.current.toString()));`;
    const run = promisify(execFile);
    const [outputs, calls] = await Promise.all([
      Promise.all(Array.from({ length: 8 }, () => run(process.execPath, ['-e', script, apart]))),
      Promise.all(Array.from({ length: 20 }, () => loadSigningSecrets(loadConfig({ DONDOC_DATA_DIR: together })))),
    ]);
    for (const [dir, secrets] of [
      [apart, outputs.map((output) => output.stdout.trim())],
      [together, calls.map((call) => call.current.toString())],
    ] as const) {
      expect(new Set(secrets).size).toBe(1);
      expect(secrets[0]).toBe((await readFile(signingSecretFile(dir), 'utf8')).trim());
    }
  });
});
