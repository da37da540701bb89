import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type OpenedDatabase } from '../../db/open-database';
import { createAccessStores } from '../../db/stores';
import { verifyPassword } from '../../links/password-hash';
import { runCliWith } from '../helpers/stack';
import { TEST_PAYLOAD_KEYS } from '../helpers/temporal';

jest.setTimeout(120_000);

describe('dondoc user and dondoc token, on the database at DATABASE_URL', () => {
  let dataDir: string;
  let database: OpenedDatabase;
  let env: Record<string, string>;
  const cli = (...args: string[]) => runCliWith(env, args);
  const passwordFile = async (name: string, content: string) => {
    const file = path.join(dataDir, name);
    await writeFile(file, content, { mode: 0o600 });
    return file;
  };
  const withStores = <T>(fn: (stores: ReturnType<typeof createAccessStores>) => Promise<T>): Promise<T> =>
    fn(createAccessStores(database.db));

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'dondoc-cli-access-'));
    // PGlite in memory, reached by URL as a PostgreSQL server would be: each command opens and closes its own pool.
    database = await openDatabase({ memory: true });
    env = {
      DONDOC_DATA_DIR: dataDir,
      DATABASE_URL: database.embeddedUrl ?? '',
      DONDOC_SECRET: 'bí-mật-thử-nghiệm-đủ-dài-ba-mươi-hai-byte',
      DONDOC_PAYLOAD_KEYS: TEST_PAYLOAD_KEYS,
    };
  });
  afterAll(async () => {
    await database?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('adds a user once, changes its password (ending its sessions), lists and removes it', async () => {
    const first = await passwordFile('pw1', 'mật khẩu một\n');
    const added = await cli('user', 'add', 'pnv', '--password-file', first);
    expect(added).toMatchObject({ code: 0, stdout: 'Đã tạo tài khoản pnv.\n' });
    expect(await cli('user', 'add', 'pnv', '--password-file', first)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('user pnv already exists') as string,
    });
    expect((await cli('user', 'add', 'ngan', '--password-file', await passwordFile('short', 'ngắn\n'))).code).toBe(2);
    expect((await cli('user', 'add', 'a:b', '--password-file', first)).code).toBe(2);

    const session = await withStores(async ({ users, sessions }) => {
      expect(await verifyPassword('mật khẩu một', (await users.find('pnv'))?.passwordHash ?? '')).toBe(true);
      return sessions.open('pnv', new Date(Date.now() + 3600_000));
    });
    const changed = await cli('user', 'passwd', 'pnv', '--password-file', await passwordFile('pw2', 'mật khẩu hai'));
    expect(changed.code).toBe(0);
    expect(changed.stdout).toContain('Đã đổi mật khẩu của pnv');
    await withStores(async ({ users, sessions }) => {
      expect(await verifyPassword('mật khẩu hai', (await users.find('pnv'))?.passwordHash ?? '')).toBe(true);
      expect(await sessions.find(session, new Date())).toBeUndefined();
    });
    expect(await cli('user', 'passwd', 'nobody', '--password-file', first)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no user nobody') as string,
    });

    const list = await cli('user', 'list');
    expect(list.stdout).toMatch(/^tài khoản/);
    expect(list.stdout).toContain('pnv');
    expect((await cli('user', 'remove', 'pnv')).code).toBe(0);
    expect((await cli('user', 'remove', 'pnv')).code).toBe(2);
  });

  it('creates a token shown once, lists it without its secret, and revokes it', async () => {
    const created = await cli('token', 'create', '--name', 'Cổng một cửa', '--scope', 'read,submit');
    expect(created.code).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^ddk_[0-9a-f]{12}_[\w-]{43}$/);
    const id = token.split('_')[1] ?? '';
    expect(created.stderr).toContain(`Mã ${id} (Cổng một cửa; quyền: read, submit)`);
    expect((await cli('token', 'create', '--name', 'x', '--scope', 'read,admin')).code).toBe(2);

    const list = await cli('token', 'list');
    expect(list.stdout).toContain(id);
    expect(list.stdout).toContain('còn hiệu lực');
    expect(list.stdout).not.toContain(token.slice(17));
    expect(await withStores(({ apiTokens }) => apiTokens.verify(token, new Date()))).toMatchObject({ id });

    expect(await cli('token', 'revoke', id)).toMatchObject({ code: 0, stdout: `Đã thu hồi mã truy cập ${id}.\n` });
    expect((await cli('token', 'revoke', id)).code).toBe(2);
    expect(await withStores(({ apiTokens }) => apiTokens.verify(token, new Date()))).toBeUndefined();
    expect((await cli('token', 'list')).stdout).toContain('thu hồi');
  });
});
