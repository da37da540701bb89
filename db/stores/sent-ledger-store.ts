import { sql } from 'kysely';
import type { NotifyResult } from '../../domain/notifications/notify-result';
import type { LedgerEntry, SentLedger } from '../../domain/notifications/sent-ledger';
import type { DondocDb } from '../postgres-pool';
import { groupCommit } from './group-commit';

/**
 * The sent-ledger in `sent_ledger`, shared by every worker. A claim is one `INSERT … ON CONFLICT DO NOTHING`: the
 * primary key lets exactly one worker insert a key. Times are the database's `now()`, one clock for all hosts, kept to
 * the millisecond so that a claim read back into a JS Date matches its row again.
 */
export function createDbSentLedger(db: DondocDb): SentLedger {
  // Claims and records made while one is being written go together in the next statement (group-commit.ts): a moment
  // of thousands of emails claims and records each one, and on the embedded database every statement costs the
  // worker's own CPU. Each call still returns only once its row is written, so a claim still precedes its send.
  const claim = groupCommit((claims: readonly { key: string; owner: string }[]) => claimMany(db, claims));
  const record = groupCommit((records: readonly Recorded[]) => recordMany(db, records));
  return {
    claim: (key, owner) => claim({ key, owner }),

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

    record: (key, owner, result) => record({ key, owner, result }),

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

interface Recorded {
  key: string;
  owner: string;
  result: NotifyResult;
}

/** One insert for several claims; a key asked twice in one batch is won by its first asker only. */
async function claimMany(db: DondocDb, claims: readonly { key: string; owner: string }[]): Promise<boolean[]> {
  const first = new Map<string, number>();
  claims.forEach((claim, i) => {
    if (!first.has(claim.key)) first.set(claim.key, i);
  });
  const inserted = await db
    .insertInto('sentLedger')
    .values(
      [...first.values()].map((i) => ({
        key: claims[i]!.key,
        state: 'sending' as const,
        owner: claims[i]!.owner,
        claimedAt: sql<Date>`date_trunc('milliseconds', now())`,
        result: null,
        updatedAt: sql<Date>`now()`,
      })),
    )
    .onConflict((conflict) => conflict.column('key').doNothing())
    .returning('key')
    .execute();
  const won = new Set(inserted.map((row) => row.key));
  return claims.map((claim, i) => won.has(claim.key) && first.get(claim.key) === i);
}

/** One update for several owners' accepted sends. */
async function recordMany(db: DondocDb, records: readonly Recorded[]): Promise<void[]> {
  // Also over `unknown`: a sender that outlived its timeout and was accepted after all makes the row true again.
  const rows = records.map((r) => sql`(${r.key}, ${r.owner}, ${JSON.stringify(r.result)})`);
  await sql`
    update sent_ledger as l set state = 'sent', result = v.result::jsonb, updated_at = now()
    from (values ${sql.join(rows)}) as v(key, owner, result)
    where l.key = v.key and l.owner = v.owner`.execute(db);
  return records.map(() => undefined);
}
