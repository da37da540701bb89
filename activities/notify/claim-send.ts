import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { NotifyResult } from '../../domain/notifications/notify-result';
import type { SentLedger } from '../../domain/notifications/sent-ledger';
import { toPlanIso } from '../../domain/plan-time';

export type Claim =
  /** This attempt owns the send: call the provider, then `record` or `release`. */
  | { kind: 'claimed'; owner: string }
  /** An earlier attempt's send was accepted: return its result, send nothing. */
  | { kind: 'recorded'; result: NotifyResult }
  /** An earlier sender died mid-send: whether the provider accepted is unknown, so nothing is sent. */
  | { kind: 'unknown'; owner: string; claimedAt: Date };

/** Clock differences between hosts, and the time a timed-out attempt may still take to notice it was cancelled. */
const LEASE_GRACE_MS = 30_000;
/** Outside an activity (a test calling the function directly): the unit workflow's notify timeout. */
const DEFAULT_START_TO_CLOSE_MS = 2 * 60_000;

/**
 * Claims `key` before the provider is called, so two workers never both send it.
 *
 * The rule, for a key that already has a row:
 * - `sent`: an earlier attempt (on any host) got the provider's acceptance; its result is returned.
 * - `sending`, claimed within the activity's start-to-close timeout (plus a grace): the claimer may still be alive
 *   and sending, so this attempt throws SEND_IN_PROGRESS and Temporal retries it later. The same key is always sent
 *   by the same activity type, so the claimer ran under the same timeout as this attempt.
 * - `sending`, claimed longer ago: its sender died mid-send, perhaps after the provider accepted. The row becomes
 *   `unknown` and nothing is sent: sending again blindly could deliver twice. A person decides; a resend from the
 *   dashboard has a key of its own.
 * - `unknown`: stays unknown, nothing is sent.
 * A claim whose provider call failed before acceptance is released by its sender, so the retry claims it again.
 */
export async function claimSend(ledger: SentLedger, key: string): Promise<Claim> {
  const { owner, leaseMs } = currentSender();
  // A row can vanish (released) or change (marked) between our statements: look again, a few times at most.
  for (let look = 0; look < 3; look++) {
    if (await ledger.claim(key, owner)) return { kind: 'claimed', owner };
    const entry = await ledger.read(key);
    if (!entry) continue;
    if (entry.state === 'sent') return { kind: 'recorded', result: entry.result };
    if (entry.state === 'unknown') return { kind: 'unknown', owner: entry.owner, claimedAt: entry.claimedAt };
    if (entry.ageMs <= leaseMs) throw inProgress(key, entry.owner, entry.claimedAt);
    if (await ledger.markUnknown(key, entry.owner, entry.claimedAt)) {
      return { kind: 'unknown', owner: entry.owner, claimedAt: entry.claimedAt };
    }
  }
  throw ApplicationFailure.retryable(`The sent-ledger row of ${key} kept changing; trying later`, 'SEND_IN_PROGRESS');
}

function inProgress(key: string, owner: string, claimedAt: Date): ApplicationFailure {
  return ApplicationFailure.retryable(
    `${key} is being sent by ${owner} since ${claimedAt.toISOString()}; trying later`,
    'SEND_IN_PROGRESS',
  );
}

/** Who is sending (worker identity, activity id and attempt) and how long such an attempt may live. */
function currentSender(): { owner: string; leaseMs: number } {
  const worker = `${process.pid}@${os.hostname()}`;
  let info: Context['info'] | undefined;
  try {
    info = Context.current().info;
  } catch {
    info = undefined;
  }
  if (!info) return { owner: `${worker} call ${randomUUID()}`, leaseMs: DEFAULT_START_TO_CLOSE_MS + LEASE_GRACE_MS };
  const execution = info.workflowExecution;
  const workflow = execution ? `${execution.workflowId}/${execution.runId}` : 'no workflow';
  return {
    owner: `${worker} ${workflow} activity ${info.activityId} attempt ${info.attempt}`,
    leaseMs: (info.startToCloseTimeoutMs || DEFAULT_START_TO_CLOSE_MS) + LEASE_GRACE_MS,
  };
}

/** What a send whose earlier sender died mid-send reports: no acceptance, no error, the time of the lost claim. */
export function unknownResult(
  base: Pick<NotifyResult, 'channel' | 'audience' | 'key' | 'recipients'>,
  claim: Extract<Claim, { kind: 'unknown' }>,
): NotifyResult {
  return { ...base, outcome: 'unknown', claimedAt: toPlanIso(claim.claimedAt.getTime()) };
}
