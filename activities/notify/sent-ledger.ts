import type { NotifyResult } from '../../domain/notifications/notify-result';
import type { LedgerEntry, SentLedger } from '../../domain/notifications/sent-ledger';

export type { LedgerEntry, SentLedger } from '../../domain/notifications/sent-ledger';

/**
 * The ledger in this process's memory, for tests and the simulator's throw-away runs (one process, nothing to share).
 * `dondoc start` uses the database's (`db/stores/sent-ledger-store.ts`).
 */
export function createMemoryLedger(clock: () => Date = () => new Date()): SentLedger {
  const rows = new Map<
    string,
    { state: LedgerEntry['state']; owner: string; claimedAt: Date; result?: NotifyResult }
  >();
  const owned = (key: string, owner: string) => {
    const row = rows.get(key);
    return row?.owner === owner ? row : undefined;
  };
  return {
    async claim(key, owner) {
      if (rows.has(key)) return false;
      rows.set(key, { state: 'sending', owner, claimedAt: clock() });
      return true;
    },
    async read(key) {
      const row = rows.get(key);
      if (!row) return undefined;
      const ageMs = clock().getTime() - row.claimedAt.getTime();
      if (row.state === 'sent' && row.result) return { ...row, state: 'sent', result: row.result, ageMs };
      return {
        state: row.state === 'unknown' ? 'unknown' : 'sending',
        owner: row.owner,
        claimedAt: row.claimedAt,
        ageMs,
      };
    },
    async record(key, owner, result) {
      const row = owned(key, owner);
      if (row) rows.set(key, { state: 'sent', owner, claimedAt: row.claimedAt, result });
    },
    async release(key, owner) {
      if (owned(key, owner)?.state === 'sending') rows.delete(key);
    },
    async markUnknown(key, owner, claimedAt) {
      const row = owned(key, owner);
      if (row?.state !== 'sending' || row.claimedAt.getTime() !== claimedAt.getTime()) return false;
      rows.set(key, { state: 'unknown', owner, claimedAt });
      return true;
    },
  };
}
