import path from 'node:path';
import { sql } from 'kysely';
import { AppError } from '../domain/errors';
import { redactUrl } from '../domain/redact-url';
import { accessEmbeddedDatabase } from './embedded/embedded-owner';
import { EMBEDDED_MAX_CONNECTIONS, startPgliteServer } from './embedded/pglite-server';
import { migrateToLatest } from './migrate';
import { createKysely, type DondocDb } from './postgres-pool';

export interface OpenedDatabase {
  db: DondocDb;
  /** For the start-up banner, without a password. */
  describe: string;
  /** Set for the embedded store: the URL other processes (and tests) reach it at. */
  embeddedUrl?: string;
  close(): Promise<void>;
}

export type DatabaseTarget =
  /** PostgreSQL at DATABASE_URL. */
  | { url: string; poolSize: number }
  /** PGlite on a folder (`data/db`), shared with the other processes of this machine. */
  | { embeddedDir: string; longLived?: boolean }
  /** PGlite in memory: a run that leaves nothing (tests, simulate). */
  | { memory: true };

/** Each process's share of the embedded server's connections. */
const EMBEDDED_POOL_SIZE = Math.max(2, Math.floor(EMBEDDED_MAX_CONNECTIONS / 8));

/**
 * Opens dondoc's database and brings its schema up to date. What cannot be reached or migrated stops start-up with
 * one line naming DATABASE_URL; nothing is left half-open.
 */
export async function openDatabase(target: DatabaseTarget): Promise<OpenedDatabase> {
  const closers: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
  };
  try {
    let url: string;
    let poolSize = EMBEDDED_POOL_SIZE;
    let describe: string;
    let embeddedUrl: string | undefined;
    if ('url' in target) {
      url = target.url;
      poolSize = target.poolSize;
      describe = redactUrl(url);
    } else if ('embeddedDir' in target) {
      const access = await accessEmbeddedDatabase(target.embeddedDir, {
        ...(target.longLived !== undefined && { longLived: target.longLived }),
      }).catch((err: unknown) => {
        throw new AppError(
          'DATABASE_UNAVAILABLE',
          `DATABASE_URL unset: the embedded database ${target.embeddedDir}: ${message(err)}`,
          {
            cause: err,
          },
        );
      });
      closers.push(() => access.release());
      url = embeddedUrl = access.url;
      describe = `PGlite ${path.relative(process.cwd(), target.embeddedDir) || '.'}/ (${access.role === 'owner' ? 'served' : 'shared'} at ${url})`;
    } else {
      const server = await startPgliteServer(undefined);
      closers.push(() => server.close());
      url = embeddedUrl = server.url;
      describe = `PGlite in memory (${url})`;
    }
    const db = createKysely(url, poolSize);
    closers.push(() => db.destroy());
    await sql`select 1`.execute(db).catch((err: unknown) => {
      throw new AppError('DATABASE_UNAVAILABLE', `DATABASE_URL: cannot reach ${redactUrl(url)}: ${message(err)}`, {
        cause: err,
      });
    });
    await migrateToLatest(db);
    return { db, describe, ...(embeddedUrl && { embeddedUrl }), close: closeAll };
  } catch (err) {
    await closeAll();
    throw err;
  }
}

function message(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) return message(err.errors[0]);
  return err instanceof Error ? err.message || err.constructor.name : String(err);
}
