import { activityInfo, log } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { renderScheduleFailureEmail } from '../../channels/email';
import type { PreparedCycle } from '../../cycles';
import {
  SCHEDULE_PLAN_FAILURES,
  type ScheduledCycleResult,
  type ScheduledCycleRun,
  type ScheduleFailureDetails,
} from '../../domain/cycle/yearly-schedule';
import { AppError, isAppError } from '../../domain/errors';
import { yearOfDayNumber } from '../../domain/local-date';
import { planDayOf, toPlanIso } from '../../domain/plan-time';
import { deliverEmail } from '../notify/send-email';
import type { CycleDeps } from './cycle-deps';
import { scheduleAdmins } from './schedule-admins';

const PLAN_FAILURES: ReadonlySet<string> = new Set(SCHEDULE_PLAN_FAILURES);

/**
 * One run of a yearly schedule: reads the plan file as it is now, validates and compiles it for the year the run was
 * due in, and starts that cycle exactly as `dondoc cycle start --yes` does (catch-up `summary`). A cycle that was
 * already started is a success that says so. A missing or invalid plan emails the admins (once, under a key of this
 * run) and fails for good, naming the file and every problem.
 */
export function startScheduledCycle(deps: CycleDeps) {
  return async (run: ScheduledCycleRun): Promise<ScheduledCycleResult> => {
    const year = yearOfDayNumber(planDayOf(Date.parse(run.scheduledAt)));
    const cycle = { planId: run.planId, year };
    let prepared: PreparedCycle;
    try {
      prepared = await deps.core.prepare({ planFile: run.planFile, year, catchUp: 'summary' });
      if (prepared.plan.id !== run.planId) {
        throw new AppError(
          'PLAN_INVALID',
          `${run.planFile}: its id is now ${prepared.plan.id}, but this schedule starts cycles of ${run.planId}`,
        );
      }
    } catch (err) {
      if (!isAppError(err) || !PLAN_FAILURES.has(err.code)) throw err;
      throw await planFailure(deps, run, year, err);
    }
    try {
      const { workflowId } = await deps.core.start(prepared);
      log.info('scheduled run started its cycle', { scheduleId: run.scheduleId, workflowId });
      return { outcome: 'started', cycle, workflowId };
    } catch (err) {
      if (!isAppError(err) || err.code !== 'CYCLE_EXISTS') throw err;
      log.info('scheduled run found its cycle already started', { scheduleId: run.scheduleId, year });
      return { outcome: 'exists', cycle, workflowId: `dondoc/${run.planId}/${year}` };
    }
  };
}

/** Emails the admins, then returns the non-retryable failure the workflow fails with. */
async function planFailure(
  deps: CycleDeps,
  run: ScheduledCycleRun,
  year: number,
  err: AppError,
): Promise<ApplicationFailure> {
  const problems = err.message.split('\n').filter(Boolean);
  const userMessage =
    err.code === 'FILE_NOT_FOUND'
      ? `Không đọc được tệp kế hoạch ${run.planFile}.`
      : `Tệp kế hoạch ${run.planFile} không hợp lệ (${problems.length} lỗi).`;
  const admins = await scheduleAdmins(deps, { planFile: run.planFile, planId: run.planId, year });
  const details: ScheduleFailureDetails = {
    planFile: run.planFile,
    planId: run.planId,
    year,
    problems,
    userMessage,
    notified: 0,
  };
  const info = activityInfo();
  const runId = info.workflowExecution?.workflowId ?? info.activityId;
  if (admins.length > 0) {
    // One key per run: a retried activity never emails twice, and the next run (or a trigger) emails again.
    const key = `dondoc-schedule/${run.scheduleId}/${runId}/admins/email`;
    const email = renderScheduleFailureEmail({
      failure: details,
      scheduleId: run.scheduleId,
      workflowId: runId,
      scheduledAt: toPlanIso(Date.parse(run.scheduledAt)),
      sendKey: key,
      ...(deps.notify.dashboardUrl && { schedulesUrl: new URL('/schedules', deps.notify.dashboardUrl).href }),
    });
    // 'supervisor': the ledger's audience for the people who run the follow-up (admins, or Phòng Nội vụ itself).
    const sent = await deliverEmail(
      deps.notify,
      { audience: 'supervisor', key, to: admins, kind: 'schedule-failure' },
      email,
    );
    details.notified = sent.outcome === 'accepted' ? sent.recipients.length : 0;
  } else {
    log.warn('no admin to email about a failed yearly schedule run: set DONDOC_ADMIN_EMAILS', {
      scheduleId: run.scheduleId,
    });
  }
  // Every plan error starts with the file's path; the message names it once whatever the error.
  const named = problems.every((problem) => problem.startsWith(run.planFile)) ? '' : ` (${run.planFile})`;
  return ApplicationFailure.create({
    message: `Cycle ${run.planId}/${year} not started${named}: ${problems.join('; ')}`,
    type: err.code,
    nonRetryable: true,
    details: [details],
  });
}
