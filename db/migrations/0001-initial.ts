import { sql, type Kysely } from 'kysely';

/** dondoc's first schema: everything several hosts must share. Never edit a released migration; add one. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sent_ledger')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('state', 'text', (col) => col.notNull().check(sql`state in ('sending', 'sent', 'unknown')`))
    .addColumn('owner', 'text', (col) => col.notNull())
    .addColumn('claimed_at', 'timestamptz', (col) => col.notNull())
    .addColumn('result', 'jsonb')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('sent_ledger_state').on('sent_ledger').columns(['state', 'claimed_at']).execute();

  await db.schema
    .createTable('plan_snapshots')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('blobs')
    .addColumn('sha256', 'text', (col) => col.primaryKey())
    .addColumn('content', 'bytea', (col) => col.notNull())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('modified_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('file_records')
    .addColumn('id', 'serial', (col) => col.primaryKey())
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('filename', 'text', (col) => col.notNull())
    .addColumn('content_type', 'text', (col) => col.notNull())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addColumn('cycle_id', 'text', (col) => col.notNull())
    .addColumn('unit_id', 'text', (col) => col.notNull())
    .addColumn('obligation_id', 'text', (col) => col.notNull())
    .addColumn('submission_id', 'text', (col) => col.notNull())
    .addColumn('token_id', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('file_records_sha256').on('file_records').column('sha256').execute();
  // A retried submission (the same Update id) records its files once.
  await db.schema
    .createIndex('file_records_submission')
    .on('file_records')
    .columns(['submission_id', 'sha256', 'filename'])
    .unique()
    .execute();
  await db.schema
    .createIndex('file_records_unit')
    .on('file_records')
    .columns(['cycle_id', 'unit_id', 'obligation_id'])
    .execute();

  await db.schema
    .createTable('report_records')
    .addColumn('id', 'serial', (col) => col.primaryKey())
    .addColumn('cycle_id', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('content_type', 'text', (col) => col.notNull())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('report_records_sha256').on('report_records').column('sha256').execute();
  // An aggregation retried (its email deferred, say) records the same report once.
  await db.schema
    .createIndex('report_records_report')
    .on('report_records')
    .columns(['cycle_id', 'name', 'sha256'])
    .unique()
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('name', 'text', (col) => col.primaryKey())
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('password_changed_at', 'timestamptz', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (col) => col.primaryKey())
    .addColumn('user_name', 'text', (col) => col.notNull().references('users.name').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_name').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('scopes', sql`text[]`, (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('zalo_tokens')
    .addColumn('account', 'text', (col) => col.primaryKey())
    .addColumn('access_token', 'text', (col) => col.notNull())
    .addColumn('refresh_token', 'text', (col) => col.notNull())
    .addColumn('access_token_expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('refreshed_at', 'timestamptz', (col) => col.notNull())
    .execute();
}
