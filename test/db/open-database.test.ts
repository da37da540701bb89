import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../../db/open-database';
import { DATABASES } from '../helpers/databases';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';

jest.setTimeout(60_000);

describe.each(DATABASES)('openDatabase on $name', (backend) => {
  it('migrates to the latest schema', async () => {
    const opened = await backend.open();
    try {
      const tables = await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = 'public'`
        .execute(opened.db)
        .then((result) => result.rows.map((row) => row.tablename).sort());
      expect(tables).toEqual(
        expect.arrayContaining(['sent_ledger', 'plan_snapshots', 'blobs', 'file_records', 'users', 'zalo_tokens']),
      );
    } finally {
      await opened.close();
    }
  });

  it('keeps a transaction to itself while other connections query', async () => {
    const opened = await backend.open();
    try {
      const { db } = opened;
      await db.insertInto('planSnapshots').values({ id: 'counter', text: '0' }).execute();
      // Twenty read-modify-write transactions at once: each must see the previous one's write.
      await Promise.all(
        Array.from({ length: 20 }, () =>
          db.transaction().execute(async (tx) => {
            const row = await tx
              .selectFrom('planSnapshots')
              .select('text')
              .where('id', '=', 'counter')
              .forUpdate()
              .executeTakeFirstOrThrow();
            await tx
              .updateTable('planSnapshots')
              .set({ text: String(Number(row.text) + 1) })
              .where('id', '=', 'counter')
              .execute();
          }),
        ),
      );
      const final = await db.selectFrom('planSnapshots').select('text').where('id', '=', 'counter').executeTakeFirst();
      expect(final?.text).toBe('20');
    } finally {
      await opened.close();
    }
  });
});

describe('the embedded database under data/db', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-db-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is served by its first opener and shared with the next; what was written survives a restart', async () => {
    const dir = path.join(dataDir, 'db');
    const owner = await openDatabase({ embeddedDir: dir });
    const guest = await openDatabase({ embeddedDir: dir });
    await guest.db.insertInto('planSnapshots').values({ id: 'a', text: 'kế hoạch' }).execute();
    expect(await owner.db.selectFrom('planSnapshots').select('text').execute()).toEqual([{ text: 'kế hoạch' }]);
    await guest.close();
    await owner.close();

    const reopened = await openDatabase({ embeddedDir: dir });
    expect(await reopened.db.selectFrom('planSnapshots').select('text').execute()).toEqual([{ text: 'kế hoạch' }]);
    await reopened.close();
  });

  it('dondoc start never leans on a command: it waits for the command to finish, then serves the folder', async () => {
    const dir = path.join(dataDir, 'db');
    const command = await openDatabase({ embeddedDir: dir });
    let serviceOpened = false;
    const opening = openDatabase({ embeddedDir: dir, longLived: true }).then((opened) => {
      serviceOpened = true;
      return opened;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(serviceOpened).toBe(false);
    await command.db.insertInto('planSnapshots').values({ id: 'a', text: 'trước' }).execute();
    await command.close();
    const service = await opening;
    expect(service.describe).toContain('served');
    // A command run beside the service is its guest, and sees what the first command wrote.
    const later = await openDatabase({ embeddedDir: dir });
    expect(later.describe).toContain('shared');
    expect(await later.db.selectFrom('planSnapshots').select('text').execute()).toEqual([{ text: 'trước' }]);
    await later.close();
    await service.close();
  });

  it('an unreachable DATABASE_URL is one error naming the variable', async () => {
    const opening = openDatabase({ url: 'postgres://nobody@127.0.0.1:1/none', poolSize: 1 });
    await expect(opening).rejects.toThrow(/^DATABASE_URL: cannot reach postgres:\/\/nobody@127\.0\.0\.1:1\/none: /);
    await expect(opening).rejects.toHaveProperty('code', 'DATABASE_UNAVAILABLE');
  });
});

describe('a migration that fails', () => {
  let postgres: TestPostgres;
  beforeAll(async () => (postgres = await startTestPostgres()));
  afterAll(async () => postgres?.stop());

  it('stops with DATABASE_MIGRATION_FAILED and leaves none of its tables behind', async () => {
    const url = await postgres.createDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    // A table in the way: the first migration cannot create its own.
    await client.query('create table blobs (x int)');
    const opening = openDatabase({ url, poolSize: 2 });
    await expect(opening).rejects.toThrow(/^DATABASE_URL: migration 0001-initial failed: /);
    await expect(opening).rejects.toHaveProperty('code', 'DATABASE_MIGRATION_FAILED');
    const tables = await client.query<{ tablename: string }>(
      "select tablename from pg_tables where schemaname = 'public' order by tablename",
    );
    await client.end();
    // The migration's DDL was rolled back: only Kysely's own bookkeeping tables are new.
    expect(tables.rows.map((row) => row.tablename)).toEqual(['blobs', 'kysely_migration', 'kysely_migration_lock']);
  });
});
