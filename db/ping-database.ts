import { sql } from 'kysely';
import type { DondocDb } from './postgres-pool';

/** Resolves when dondoc's database answers a query (`/readyz`). */
export async function pingDatabase(db: DondocDb): Promise<void> {
  await sql`select 1`.execute(db);
}
