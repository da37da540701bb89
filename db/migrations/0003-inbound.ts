import { sql, type Kysely } from 'kysely';

/**
 * Submit by replying (issue #15): a reply is matched to the message it answers by the hash part of its Message-ID
 * (`messages.message_hash`), and every inbound email is recorded once with what became of it (`inbound_messages`);
 * its raw bytes and attachments are referenced from `inbound_files`, so the blob sweep keeps them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('messages').addColumn('message_hash', 'text').execute();
  // The same hash as channels/email/message-id.ts: the first 40 hex digits of SHA-256 of the send key.
  await sql`update messages set message_hash = substr(encode(sha256(convert_to(key, 'UTF8')), 'hex'), 1, 40)`.execute(
    db,
  );
  await db.schema.createIndex('messages_message_hash').on('messages').column('message_hash').execute();

  await db.schema
    .createTable('inbound_messages')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('received_at', 'timestamptz', (col) => col.notNull())
    .addColumn('transport', 'text', (col) => col.notNull())
    .addColumn('message_id', 'text')
    .addColumn('from_address', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('plan_id', 'text')
    .addColumn('year', 'integer')
    .addColumn('matched_key', 'text')
    .addColumn('unit_id', 'text')
    .addColumn('obligation_ids', 'jsonb', (col) => col.notNull())
    .addColumn('outcome', 'text', (col) =>
      col
        .notNull()
        .check(
          sql`outcome in ('pending', 'submitted', 'needs-values', 'refused-sender', 'unmatched', 'closed', 'rejected-attachments', 'ignored')`,
        ),
    )
    .addColumn('detail', 'text', (col) => col.notNull())
    .addColumn('raw_sha256', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('inbound_messages_cycle').on('inbound_messages').columns(['plan_id', 'year']).execute();

  await db.schema
    .createTable('inbound_files')
    .addColumn('inbound_id', 'text', (col) => col.notNull())
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('filename', 'text', (col) => col.notNull())
    .addColumn('content_type', 'text', (col) => col.notNull())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addColumn('plan_id', 'text', (col) => col.notNull())
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('unit_id', 'text', (col) => col.notNull())
    .addColumn('obligation_id', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('inbound_files_pk', ['inbound_id', 'obligation_id', 'sha256', 'filename'])
    .execute();
  await db.schema.createIndex('inbound_files_sha256').on('inbound_files').column('sha256').execute();
  await db.schema
    .createIndex('inbound_files_unit')
    .on('inbound_files')
    .columns(['plan_id', 'year', 'unit_id', 'obligation_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('inbound_files').execute();
  await db.schema.dropTable('inbound_messages').execute();
  await db.schema.dropIndex('messages_message_hash').execute();
  await db.schema.alterTable('messages').dropColumn('message_hash').execute();
}
