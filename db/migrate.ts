import { Migrator, type Kysely, type MigrationProvider } from 'kysely';
import { AppError } from '../domain/errors';
import { MIGRATIONS } from './migrations';
import type { DondocTables } from './schema';

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/**
 * Brings the schema up to date. Kysely takes a lock (an advisory lock on PostgreSQL), so hosts starting together
 * migrate once; a failed migration rolls back and stops start-up.
 */
export async function migrateToLatest(db: Kysely<DondocTables>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new AppError(
      'DATABASE_MIGRATION_FAILED',
      `DATABASE_URL: migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      {
        cause: error,
      },
    );
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
