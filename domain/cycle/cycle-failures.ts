import { toPlanIso } from '../plan-time';

/** The cycle's activities; each may exhaust its retries without failing the cycle. */
export type CycleActivity =
  'startUnitWorkflows' | 'aggregateObligation' | 'sendDigest' | 'closeUnitWorkflows' | 'dispatchMoment';

/** What a failure is about: one entry per (activity, subject), so the list stays bounded. */
export interface FailureSubject {
  activity: CycleActivity;
  /** `<obligation>@<instant>` or `<obligation>@final` for an aggregation; `digest`, `units` or `close` otherwise. */
  subject: string;
  obligationId?: string;
}

/** The latest failure of one thing the cycle does; shown on the dashboard until that thing succeeds. */
export interface CycleFailure extends FailureSubject {
  /** When the latest try failed (ISO, plan time). */
  at: string;
  message: string;
  /** Tries in a row that failed, each one after the activity had exhausted its own retries. */
  attempt: number;
  /** When the cycle tries again (ISO, plan time). */
  retryAt: string;
}

/**
 * The cycle's own back-off, on top of the activity's retries (about 2.5 hours of them): long enough not to hammer
 * a server that is down, short enough that a report is late by hours, not until the next instant of the plan.
 */
export const CYCLE_RETRY_AFTER_MS = 60 * 60 * 1000;

const same = (a: FailureSubject, b: FailureSubject): boolean => a.activity === b.activity && a.subject === b.subject;

/** Records a failed try, replacing the earlier failure of the same subject. */
export function recordFailure(
  failures: CycleFailure[],
  subject: FailureSubject,
  message: string,
  nowMs: number,
): CycleFailure {
  const earlier = failures.findIndex((f) => same(f, subject));
  const failure: CycleFailure = {
    ...subject,
    at: toPlanIso(nowMs),
    message,
    attempt: (failures[earlier]?.attempt ?? 0) + 1,
    retryAt: toPlanIso(nowMs + CYCLE_RETRY_AFTER_MS),
  };
  if (earlier === -1) failures.push(failure);
  else failures[earlier] = failure;
  return failure;
}

/** The subject succeeded: it is no longer a failure. */
export function clearFailure(failures: CycleFailure[], subject: FailureSubject): void {
  const index = failures.findIndex((f) => same(f, subject));
  if (index !== -1) failures.splice(index, 1);
}

/** Whether the subject may be tried now: it never failed, or its back-off is over. */
export function mayTry(failures: readonly CycleFailure[], subject: FailureSubject, nowMs: number): boolean {
  const failure = failures.find((f) => same(f, subject));
  return failure === undefined || Date.parse(failure.retryAt) <= nowMs;
}
