import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { ActivityFailure, ApplicationFailure, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import {
  SCHEDULE_PLAN_FAILURES,
  type ScheduledCycleResult,
  type YearlyCycleInput,
} from '../domain/cycle/yearly-schedule';

/** Set by Temporal on every workflow a Schedule starts: the instant the run was due (a trigger's is its own). */
const SCHEDULED_START_TIME = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

// Reading the plan and starting the cycle take seconds; retries cover Temporal or the database being away for a
// while (a plan error is final: retrying would read the same file).
const { startScheduledCycle } = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  retry: {
    initialInterval: '30 seconds',
    maximumInterval: '30 minutes',
    maximumAttempts: 20,
    nonRetryableErrorTypes: [...SCHEDULE_PLAN_FAILURES],
  },
});

/**
 * One run of a plan's yearly schedule (`dondoc-yearly/<planId>`): one activity reads the plan file as it is today,
 * validates it and starts the year's cycle. A plan that is missing or no longer validates fails this workflow with a
 * non-retryable ApplicationFailure (the activity has emailed the admins by then), so the run shows as failed in
 * Temporal and on the dashboard. Deterministic: it only reads workflowInfo() and awaits the one activity.
 */
export async function yearlyCycleWorkflow(input: YearlyCycleInput): Promise<ScheduledCycleResult> {
  const info = workflowInfo();
  const scheduledAt = info.typedSearchAttributes.get(SCHEDULED_START_TIME) ?? info.startTime;
  try {
    return await startScheduledCycle({ ...input, scheduledAt: scheduledAt.toISOString() });
  } catch (err) {
    const cause = err instanceof ActivityFailure ? err.cause : undefined;
    if (cause instanceof ApplicationFailure && cause.nonRetryable) {
      // The activity's own failure, lifted to the workflow: its message names the file and the problems.
      throw ApplicationFailure.create({
        message: cause.message,
        ...(cause.type && { type: cause.type }),
        nonRetryable: true,
        details: cause.details ?? [],
      });
    }
    throw err;
  }
}
