import { sql } from 'kysely';
import type { ZaloTokens, ZaloTokenStore } from '../../channels/zalo';
import type { DondocDb } from '../postgres-pool';
import type { ZaloTokenTable } from '../schema';

/** The first key of dondoc's advisory locks on Zalo token pairs (the second is the account's hash). */
const ZALO_REFRESH_LOCK = 0x7a616c6f;

/**
 * The Zalo OA token pair of `account` in `zalo_tokens`, shared by every host. A refresh runs in one transaction
 * that holds an advisory lock on the account (it exists before the row does, so the very first refresh is covered
 * too), reads the pair, lets the caller decide, and writes the new pair before the commit releases the lock: one
 * refresh cluster-wide. The embedded PGlite has one backend and runs a transaction's statements alone, which
 * serializes the same way.
 */
export function createDbZaloTokenStore(db: DondocDb, account: string): ZaloTokenStore {
  return {
    async load() {
      const row = await db.selectFrom('zaloTokens').selectAll().where('account', '=', account).executeTakeFirst();
      return row && tokensOf(row);
    },
    withRefreshLock(refresh) {
      return db.transaction().execute(async (tx) => {
        await sql`select pg_advisory_xact_lock(${ZALO_REFRESH_LOCK}, hashtext(${account}))`.execute(tx);
        const row = await tx.selectFrom('zaloTokens').selectAll().where('account', '=', account).executeTakeFirst();
        const current = row && tokensOf(row);
        const next = await refresh(current);
        if (next === current) return next;
        const values = {
          accessToken: next.accessToken,
          refreshToken: next.refreshToken,
          accessTokenExpiresAt: new Date(next.accessTokenExpiresAt),
          refreshedAt: new Date(next.refreshedAt),
        };
        await tx
          .insertInto('zaloTokens')
          .values({ account, ...values })
          .onConflict((conflict) => conflict.column('account').doUpdateSet(values))
          .execute();
        return next;
      });
    },
  };
}

function tokensOf(row: ZaloTokenTable): ZaloTokens {
  return {
    accessToken: row.accessToken,
    refreshToken: row.refreshToken,
    accessTokenExpiresAt: row.accessTokenExpiresAt.toISOString(),
    refreshedAt: row.refreshedAt.toISOString(),
  };
}
