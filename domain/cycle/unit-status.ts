import type { FormFieldRule } from '../forms/validate-form-values';
import { parseLocalDate } from '../local-date';
import { parseSendKey } from '../notifications/idempotency-key';
import type { NotifyResult, ContactProblem } from '../notifications/notify-result';
import { endOfPlanDay } from '../plan-time';
import type { ScheduleEvent } from '../schedule/schedule-types';
import type { CycleRef, UnitObligationInput } from './unit-input';
import {
  levelReached,
  nextEventOf,
  type Extension,
  type ObligationState,
  type Submission,
  type UnitState,
} from './unit-state';

export type ObligationStateName = 'pending' | 'submitted-on-time' | 'submitted-late' | 'overdue' | 'waived';

/**
 * One obligation as the unit workflow runs it. Title, deliverable and form come from the unit workflow's own input,
 * never from the cycle's current plan: an amended plan does not change a running unit, so the web renders exactly
 * the form the workflow validates.
 */
export interface ObligationStatus {
  id: string;
  title: string;
  deliverable: UnitObligationInput['deliverable'];
  /** The report form's fields, when the obligation has one. */
  form?: FormFieldRule[];
  nominalDueDate: string;
  dueDate: string;
  state: ObligationStateName;
  /** Highest escalation level reached; 0 when none. */
  level: number;
  /** The ladder (after extensions): the dispatcher picks each moment's items from it. */
  events: ScheduleEvent[];
  /** The unit's signed submission link for this obligation, when the web is configured. */
  submissionUrl?: string;
  submissions: Submission[];
  extensions: Extension[];
  waiver?: { reason: string; at: string; by?: string };
  notifications: NotifyResult[];
  /** The next reminder or escalation, when one is still planned. */
  nextEventAt?: string;
}

/** The `status` query's answer (CONTRACTS §5 outcomes and the dashboard are built from it). */
export interface UnitStatus {
  cycle: CycleRef;
  unit: { id: string; name: string };
  obligations: ObligationStatus[];
  contactProblems: ContactProblem[];
  /** When the unit workflow first ran (ISO, plan time). */
  startedAt?: string;
  closed: boolean;
}

/** On time when the first submission arrived before 24:00 (plan time) of the effective due date. */
export function timelinessOf(submittedAt: string, dueDate: string): 'on-time' | 'late' {
  const due = parseLocalDate(dueDate);
  return due !== undefined && Date.parse(submittedAt) < endOfPlanDay(due) ? 'on-time' : 'late';
}

export function obligationStateName(obligation: ObligationState, nowMs: number): ObligationStateName {
  if (obligation.waiver) return 'waived';
  const first = obligation.submissions[0];
  if (first)
    return timelinessOf(first.submittedAt, obligation.dueDate) === 'on-time' ? 'submitted-on-time' : 'submitted-late';
  const due = parseLocalDate(obligation.dueDate);
  return due !== undefined && nowMs >= endOfPlanDay(due) ? 'overdue' : 'pending';
}

export function unitStatus(
  input: { cycle: CycleRef; unit: { id: string; name: string }; obligations: readonly UnitObligationInput[] },
  state: UnitState,
  nowMs: number,
): UnitStatus {
  return {
    cycle: input.cycle,
    unit: input.unit,
    obligations: state.obligations.map((o) => {
      const next = nextEventOf(o, nowMs);
      const given = input.obligations.find((i) => i.id === o.id);
      return {
        id: o.id,
        title: given?.title ?? o.id,
        deliverable: given?.deliverable ?? 'document',
        ...(given?.form && { form: given.form.fields }),
        nominalDueDate: o.nominalDueDate,
        dueDate: o.dueDate,
        state: obligationStateName(o, nowMs),
        level: levelReached(o, nowMs),
        events: o.events,
        ...(given?.submissionUrl && { submissionUrl: given.submissionUrl }),
        submissions: o.submissions,
        extensions: o.extensions,
        ...(o.waiver && { waiver: o.waiver }),
        notifications: state.notifications.filter((n) => keyCovers(n.key, o.id)),
        ...(next && { nextEventAt: next.at }),
      };
    }),
    contactProblems: state.contactProblems,
    ...(state.startedAt && { startedAt: state.startedAt }),
    closed: state.closed,
  };
}

/** Whether a send key names `obligationId` among the obligations its notification covers. */
function keyCovers(key: string, obligationId: string): boolean {
  return parseSendKey(key)?.obligationIds.includes(obligationId) ?? false;
}

/**
 * The status as of `nowMs`. A query answers with the time of the unit workflow's last task, and a unit wakes only for
 * its own work and its due dates, so the reader re-derives what depends on the clock: the state, the highest
 * escalation level reached, and the next event.
 */
export function statusAt(status: UnitStatus, nowMs: number): UnitStatus {
  return {
    ...status,
    obligations: status.obligations.map((o) => {
      const as: ObligationState = { ...o, events: o.events, submissions: o.submissions, extensions: o.extensions };
      const next = nextEventOf(as, nowMs);
      const { nextEventAt: _previous, ...rest } = o;
      return {
        ...rest,
        state: obligationStateName(as, nowMs),
        level: levelReached(as, nowMs),
        ...(next && { nextEventAt: next.at }),
      };
    }),
  };
}
