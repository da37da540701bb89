import { ActivityFailure } from '@temporalio/workflow';
import { clearFailure, recordFailure, type CycleFailure, type FailureSubject } from '../domain/cycle/cycle-failures';

/**
 * Runs one activity call of the cycle. When the activity has exhausted its retries (or failed for good), the
 * failure is recorded and `undefined` comes back: the thing stays to do and is tried again after a back-off,
 * instead of failing the whole plan-year.
 */
export async function attempt<T>(
  failures: CycleFailure[],
  subject: FailureSubject,
  now: () => number,
  call: () => Promise<T>,
): Promise<T | undefined> {
  try {
    const result = await call();
    clearFailure(failures, subject);
    return result;
  } catch (err) {
    if (!(err instanceof ActivityFailure)) throw err;
    recordFailure(failures, subject, err.cause?.message ?? err.message, now());
    return undefined;
  }
}
