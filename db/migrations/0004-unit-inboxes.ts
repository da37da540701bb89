import type { Kysely } from 'kysely';

/**
 * A unit's inbox link generation (issue #15): the link names a generation, and revoking bumps it, so the old link
 * stops at once. A unit without a row is at generation 1.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('unit_inboxes')
    .addColumn('unit_id', 'text', (col) => col.primaryKey())
    .addColumn('generation', 'integer', (col) => col.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('unit_inboxes').execute();
}
