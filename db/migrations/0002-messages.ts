import { sql, type Kysely } from 'kysely';

/**
 * The notification centre (issue #11): every message of a moment to one person on one channel, with what became of
 * it (sent, held, merged into a later one, skipped at start, failed), and the contact problems that stop a channel
 * for a person until their contact is edited.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('messages')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('plan_id', 'text', (col) => col.notNull())
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('scheduled_at', 'text', (col) => col.notNull())
    .addColumn('plan_day', 'text', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('via', 'text')
    .addColumn('address', 'text', (col) => col.notNull())
    .addColumn('person_name', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('sent', 'failed', 'unknown', 'held', 'merged', 'skipped')`),
    )
    .addColumn('reason', 'text')
    .addColumn('items', 'jsonb', (col) => col.notNull())
    .addColumn('unit_ids', 'jsonb', (col) => col.notNull())
    .addColumn('release_at', 'timestamptz')
    .addColumn('merged_into', 'text')
    .addColumn('provider_id', 'text')
    .addColumn('sent_at', 'timestamptz')
    .addColumn('email', 'jsonb')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('messages_cycle').on('messages').columns(['plan_id', 'year', 'status']).execute();
  await db.schema.createIndex('messages_cap').on('messages').columns(['channel', 'address', 'plan_day']).execute();

  await db.schema
    .createTable('contact_problems')
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('address', 'text', (col) => col.notNull())
    .addColumn('contact_hash', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('detected_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('contact_problems_pk', ['channel', 'address', 'contact_hash'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('contact_problems').execute();
  await db.schema.dropTable('messages').execute();
}
