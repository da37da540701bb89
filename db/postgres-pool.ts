import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DondocTables } from './schema';

export type DondocDb = Kysely<DondocTables>;

/** A Kysely over a `pg` pool: the one way dondoc talks to PostgreSQL, real or embedded. */
export function createKysely(connectionString: string, poolSize: number): DondocDb {
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    // A dropped connection is replaced on the next query instead of crashing the process.
    idleTimeoutMillis: 30_000,
  });
  // Without a listener, an idle client's error (the server restarted) would be an uncaught exception.
  pool.on('error', () => undefined);
  return new Kysely<DondocTables>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
}
