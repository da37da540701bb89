import {
  ApplicationFailure,
  WorkflowFailedError,
  WorkflowNotFoundError,
  type Client,
  type ScheduleExecutionResult,
} from '@temporalio/client';
import type { ScheduledCycleResult, ScheduleFailureDetails } from '../domain/cycle/yearly-schedule';

/** What became of one run of a yearly schedule. */
export interface ScheduleRun {
  workflowId: string;
  /** ISO instants (UTC): when it was due, and when Temporal took it. */
  scheduledAt: string;
  takenAt: string;
  result:
    | { state: 'running' }
    | { state: 'started' | 'exists'; cycle: string }
    | { state: 'failed'; code: string; message: string; userMessage?: string; notified?: number }
    /** Its history is gone (past the namespace's retention) or it ended otherwise (terminated, timed out). */
    | { state: 'unknown'; status: string };
}

/** How many of a schedule's recent runs are shown (Temporal keeps the last 10). */
const RUNS_SHOWN = 5;

/** The result of each recent run, read from its workflow: a failure carries the plan errors the activity found. */
export async function scheduleRuns(
  client: Client,
  actions: readonly ScheduleExecutionResult[],
): Promise<ScheduleRun[]> {
  return Promise.all(
    actions.slice(-RUNS_SHOWN).map(async ({ scheduledAt, takenAt, action }) => ({
      workflowId: action.workflow.workflowId,
      scheduledAt: scheduledAt.toISOString(),
      takenAt: takenAt.toISOString(),
      result: await runResult(client, action.workflow.workflowId, action.workflow.firstExecutionRunId),
    })),
  );
}

async function runResult(client: Client, workflowId: string, runId: string): Promise<ScheduleRun['result']> {
  const handle = client.workflow.getHandle(workflowId, runId);
  try {
    const { status } = await handle.describe();
    if (status.name === 'RUNNING') return { state: 'running' };
    if (status.name !== 'COMPLETED' && status.name !== 'FAILED') return { state: 'unknown', status: status.name };
    const result = (await handle.result()) as ScheduledCycleResult;
    return { state: result.outcome, cycle: `${result.cycle.planId}/${result.cycle.year}` };
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return { state: 'unknown', status: 'NOT_FOUND' };
    if (!(err instanceof WorkflowFailedError)) throw err;
    const failure = err.cause instanceof ApplicationFailure ? err.cause : undefined;
    const details = failure?.details?.[0] as Partial<ScheduleFailureDetails> | undefined;
    return {
      state: 'failed',
      code: failure?.type ?? 'UNKNOWN',
      message: failure?.message ?? err.message,
      ...(details?.userMessage && { userMessage: details.userMessage }),
      ...(typeof details?.notified === 'number' && { notified: details.notified }),
    };
  }
}
