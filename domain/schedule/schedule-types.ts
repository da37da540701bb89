import type { RecipientGroup } from '../plan/plan-schema';

/**
 * The compiled schedule (CONTRACTS.md §2 `plan schedule --format json`): plain JSON, so it can be a workflow
 * input. Instants are ISO 8601 in plan time ("2022-10-17T08:00:00+07:00"); dates are "YYYY-MM-DD".
 */
export interface CycleSchedule {
  plan: string;
  year: number;
  timezone: string;
  /** The cycle's issue date: `daysAfterIssue` counts from it, and nothing is scheduled before it. */
  issuedOn: string;
  items: ScheduleItem[];
  aggregations: AggregationEvent[];
}

export interface ScheduleItem {
  unit: string;
  obligation: string;
  nominalDueDate: string;
  /** The effective due date: a submission is on time until 24:00 of this day. */
  dueDate: string;
  /** Sorted by `at`. */
  events: ScheduleEvent[];
}

export type ScheduleEvent = ReminderEvent | EscalationEvent;

export interface ReminderEvent {
  type: 'reminder';
  at: string;
  workingDaysBefore: number;
}

export interface EscalationEvent {
  type: 'escalation';
  /** 1..n; repeats of the last level carry its number. */
  level: number;
  at: string;
  workingDaysAfter: number;
  notify: RecipientGroup[];
  /** 0 for the level itself, 1.. for its repeats. */
  repeat: number;
}

export interface AggregationEvent {
  obligation: string;
  at: string;
}
