import { sql } from 'kysely';
import type { NotifyResult } from '../../domain/notifications/notify-result';
import type { LedgerEntry, SentLedger } from '../../domain/notifications/sent-ledger';
import type { DondocDb } from '../postgres-pool';

/**
 * The sent-ledger in `sent_ledger`, shared by every worker. A claim is one `INSERT … ON CONFLICT DO NOTHING`: the
 * primary key lets exactly one worker insert a key. Times are the database's `now()`, one clock for all hosts, kept to
 * the millisecond so that a claim read back into a JS Date matches its row again.
 */
export function createDbSentLedger(db: DondocDb): SentLedger {
  return {
    async claim(key, owner) {
      const inserted = await db
        .insertInto('sentLedger')
        .values({
          key,
          state: 'sending',
          owner,
          claimedAt: sql<Date>`date_trunc('milliseconds', now())`,
          result: null,
          updatedAt: sql<Date>`now()`,
        })
        .onConflict((conflict) => conflict.column('key').doNothing())
        .returning('key')
        .executeTakeFirst();
      return inserted !== undefined;
    },

    async read(key) {
      const row = await db
        .selectFrom('sentLedger')
        .select(['state', 'owner', 'claimedAt', 'result'])
        .select(sql<number>`(extract(epoch from (now() - claimed_at)) * 1000)::float8`.as('ageMs'))
        .where('key', '=', key)
        .executeTakeFirst();
      if (!row) return undefined;
      const entry = { owner: row.owner, claimedAt: row.claimedAt, ageMs: Number(row.ageMs) };
      if (row.state === 'sent') return { ...entry, state: 'sent', result: row.result as NotifyResult };
      return { ...entry, state: row.state } satisfies LedgerEntry;
    },

    async record(key, owner, result) {
      // Also over `unknown`: a sender that outlived its timeout and was accepted after all makes the row true again.
      await db
        .updateTable('sentLedger')
        .set({ state: 'sent', result: JSON.stringify(result), updatedAt: sql<Date>`now()` })
        .where('key', '=', key)
        .where('owner', '=', owner)
        .execute();
    },

    async release(key, owner) {
      await db
        .deleteFrom('sentLedger')
        .where('key', '=', key)
        .where('owner', '=', owner)
        .where('state', '=', 'sending')
        .execute();
    },

    async markUnknown(key, owner, claimedAt) {
      const marked = await db
        .updateTable('sentLedger')
        .set({ state: 'unknown', updatedAt: sql<Date>`now()` })
        .where('key', '=', key)
        .where('owner', '=', owner)
        .where('state', '=', 'sending')
        .where('claimedAt', '=', claimedAt)
        .returning('key')
        .executeTakeFirst();
      return marked !== undefined;
    },
  };
}
