import type { Kysely } from 'kysely';
import { startPgliteServer } from '../../db/embedded/pglite-server';
import { migrateToLatest } from '../../db/migrate';
import { createKysely, type DondocDb } from '../../db/postgres-pool';

/** A migrated in-memory PGlite, served on loopback, for store tests. */
export interface TestDatabase {
  db: DondocDb;
  close(): Promise<void>;
}

export async function startTestDatabase(): Promise<TestDatabase> {
  const server = await startPgliteServer(undefined);
  const db = createKysely(server.url, 4);
  try {
    await migrateToLatest(db as unknown as Kysely<unknown>);
  } catch (err) {
    await db.destroy();
    await server.close();
    throw err;
  }
  return {
    db,
    async close() {
      await db.destroy();
      await server.close();
    },
  };
}
