import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createFileTokenStore, type ZaloTokens } from '../../../channels/zalo';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dondoc-zalo-store-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const pair = (n: number): ZaloTokens => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  accessTokenExpiresAt: '2022-10-18T04:00:00.000Z',
  refreshedAt: '2022-10-17T03:00:00.000Z',
});

describe('createFileTokenStore', () => {
  it('has nothing before the first save', async () => {
    await expect(createFileTokenStore(path.join(dir, 'zalo', 'tokens.json')).load()).resolves.toBeUndefined();
  });

  it('saves into a 0700 directory a 0600 file that a new store reads back', async () => {
    const file = path.join(dir, 'zalo', 'tokens.json');
    await createFileTokenStore(file).save(pair(1));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
    await expect(createFileTokenStore(file).load()).resolves.toEqual(pair(1));
  });

  it('replaces the file atomically: after many concurrent saves it is one whole pair and no temp file remains', async () => {
    const file = path.join(dir, 'tokens.json');
    const store = createFileTokenStore(file);
    await Promise.all(Array.from({ length: 50 }, (_, n) => store.save(pair(n))));
    expect(await readdir(dir)).toEqual(['tokens.json']);
    const saved = JSON.parse(await readFile(file, 'utf8')) as ZaloTokens;
    expect(saved).toEqual(pair(Number(saved.accessToken.slice('access-'.length))));
    expect(saved.refreshToken).toBe(saved.accessToken.replace('access', 'refresh'));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('refuses a file that is not a token file', async () => {
    const file = path.join(dir, 'tokens.json');
    await writeFile(file, '{"accessToken":1}');
    await expect(createFileTokenStore(file).load()).rejects.toThrow('is not a Zalo token file');
  });
});
