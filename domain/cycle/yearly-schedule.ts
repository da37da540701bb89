import { parseMonthDay, type MonthDay } from '../local-date';

/**
 * A plan's yearly schedule: a Temporal Schedule `dondoc-yearly/<planId>` that starts the year's cycle from the plan
 * file as it is that day. Shared by the core, the workflow (sandbox-safe: no imports but domain/) and the activity.
 */
export const YEARLY_SCHEDULE_PREFIX = 'dondoc-yearly/';

/**
 * The plan-time hour a scheduled cycle starts: early in the working day, so that the start's catch-up summary and
 * first messages go out in office hours rather than at midnight.
 */
export const YEARLY_SCHEDULE_TIME = { hour: 7, minute: 0 } as const;

export function yearlyScheduleId(planId: string): string {
  return `${YEARLY_SCHEDULE_PREFIX}${planId}`;
}

/** `dondoc-yearly/cycle-small` or `cycle-small` → the schedule id. */
export function scheduleIdOf(idOrPlanId: string): string {
  return idOrPlanId.startsWith(YEARLY_SCHEDULE_PREFIX) ? idOrPlanId : yearlyScheduleId(idOrPlanId);
}

/** What the schedule stores: where the plan file is (absolute, as the worker host sees it) and its id; nothing else. */
export interface YearlyCycleInput {
  scheduleId: string;
  planId: string;
  planFile: string;
}

/** One run's activity input: the schedule's, and the instant the run was scheduled for (its year is the cycle's). */
export interface ScheduledCycleRun extends YearlyCycleInput {
  scheduledAt: string;
}

/** A successful run: the cycle was started, or it had been started already (not an error). */
export interface ScheduledCycleResult {
  outcome: 'started' | 'exists';
  cycle: { planId: string; year: number };
  workflowId: string;
}

/** The failure of a run whose plan is missing or no longer validates: the details of its ApplicationFailure. */
export interface ScheduleFailureDetails {
  planFile: string;
  planId: string;
  year: number;
  /** The plan errors, one per line, as `plan validate` prints them. */
  problems: string[];
  /** The same failure for people, in Vietnamese (the dashboard shows it). */
  userMessage: string;
  /** How many admins the email reached; 0 when no address is known (no addresses here: histories keep no emails). */
  notified: number;
}

/** The error types a scheduled run fails with for good (retrying would not change the file). */
export const SCHEDULE_PLAN_FAILURES = ['PLAN_INVALID', 'FILE_NOT_FOUND', 'USAGE'] as const;

/**
 * `--every-year-on MM-DD`: a month and day that every year has. 29 February is refused: a Temporal calendar spec
 * would fire only in leap years.
 */
export function parseEveryYearOn(text: string): MonthDay | string {
  const monthDay = /^\d{2}-\d{2}$/.test(text) ? parseMonthDay(text) : undefined;
  if (!monthDay) return `"${text}" is not a day of the year as MM-DD (e.g. 01-05)`;
  if (monthDay.month === 2 && monthDay.day === 29) {
    return '02-29 exists only in leap years: choose 02-28 or 03-01';
  }
  return monthDay;
}

/** The rule as people read it: `hằng năm ngày 05/01 lúc 07:00`. */
export function describeYearlyRule(rule: MonthDay & { hour: number; minute: number }): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `hằng năm ngày ${two(rule.day)}/${two(rule.month)} lúc ${two(rule.hour)}:${two(rule.minute)}`;
}
