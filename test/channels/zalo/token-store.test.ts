import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createMemoryTokenStore, readTokenFile, type ZaloTokens } from '../../../channels/zalo';

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

describe('createMemoryTokenStore', () => {
  it('has nothing before the first refresh, then the pair the refresh returned', async () => {
    const store = createMemoryTokenStore();
    await expect(store.load()).resolves.toBeUndefined();
    await store.withRefreshLock(async () => pair(1));
    await expect(store.load()).resolves.toEqual(pair(1));
  });

  it('runs refreshes one after the other, each seeing the pair of the one before', async () => {
    const store = createMemoryTokenStore(pair(0));
    const seen: string[] = [];
    await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        store.withRefreshLock(async (current) => {
          seen.push(current?.accessToken ?? 'none');
          await new Promise((resolve) => setTimeout(resolve, 1));
          return pair(n + 1);
        }),
      ),
    );
    expect(seen).toEqual(Array.from({ length: 10 }, (_, n) => `access-${n}`));
  });

  it('keeps the pair when a refresh fails, and the next one runs', async () => {
    const store = createMemoryTokenStore(pair(1));
    await expect(store.withRefreshLock(async () => Promise.reject(new Error('Zalo down')))).rejects.toThrow('down');
    await expect(store.withRefreshLock(async (current) => current ?? pair(9))).resolves.toEqual(pair(1));
  });
});

describe('readTokenFile', () => {
  it('reads the pair an earlier dondoc kept, and nothing when there is no file', async () => {
    const file = path.join(dir, 'tokens.json');
    await expect(readTokenFile(file)).resolves.toBeUndefined();
    await writeFile(file, JSON.stringify(pair(1)));
    await expect(readTokenFile(file)).resolves.toEqual(pair(1));
  });

  it('refuses a file that is not a token file', async () => {
    const file = path.join(dir, 'tokens.json');
    await writeFile(file, '{"accessToken":1}');
    await expect(readTokenFile(file)).rejects.toThrow('is not a Zalo token file');
  });
});
