import type { NotifyResult } from './notify-result';

/** One key's row in the sent-ledger. */
export type LedgerEntry =
  | { state: 'sending'; owner: string; claimedAt: Date; ageMs: number }
  | { state: 'sent'; owner: string; claimedAt: Date; ageMs: number; result: NotifyResult }
  | { state: 'unknown'; owner: string; claimedAt: Date; ageMs: number };

/**
 * The sent-ledger's primitives, one row per send key shared by every worker; the rule that combines them lives in
 * `activities/notify/claim-send.ts`. Ages are measured on the ledger's own clock (the database's), so hosts whose
 * clocks differ agree on them.
 */
export interface SentLedger {
  /** Inserts `key` as `sending` for `owner` unless the key has a row already; true when this call inserted it. */
  claim(key: string, owner: string): Promise<boolean>;
  /** The key's row, with its age, or undefined when there is none. */
  read(key: string): Promise<LedgerEntry | undefined>;
  /** The owner's claim becomes `sent` with the provider's answer. */
  record(key: string, owner: string, result: NotifyResult): Promise<void>;
  /** Deletes the owner's `sending` claim: the provider surely did not accept, the key may be claimed again. */
  release(key: string, owner: string): Promise<void>;
  /** A `sending` claim still held by `owner` since `claimedAt` becomes `unknown`; false when it changed meanwhile. */
  markUnknown(key: string, owner: string, claimedAt: Date): Promise<boolean>;
}
