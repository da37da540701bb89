import { ApplicationFailure } from '@temporalio/workflow';
import { CommandRejected } from '../domain/cycle/command-rejected';

/** The ApplicationFailure types an Update fails with; the message is the domain's own (Vietnamese) sentence. */
export type RejectionType =
  | 'SubmissionRejected'
  | 'ExtensionRejected'
  | 'WaiverRejected'
  | 'ReminderRejected'
  | 'AmendmentRejected'
  | 'CloseFailed';

/**
 * Runs a domain check in an Update validator or handler. Its refusal becomes a non-retryable ApplicationFailure:
 * a plain Error thrown by an Update handler would fail the workflow task (retried forever) instead of the Update.
 */
export function rejectAs<T>(type: RejectionType, check: () => T): T {
  try {
    return check();
  } catch (err) {
    if (err instanceof CommandRejected) throw ApplicationFailure.nonRetryable(err.message, type);
    throw err;
  }
}
