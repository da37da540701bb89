import type { FormValues } from '../forms/validate-form-values';
import type { ReceiptNotification } from '../notifications/notification';
import type { ContactProblem, NotifyResult } from '../notifications/notify-result';
import type { ScheduleEvent } from '../schedule/schedule-types';
import type { UnitWorkflowInput } from './unit-input';

export type SubmissionChannel = 'web' | 'api' | 'cli' | 'paper' | 'email';

/** A stored file (content-addressed under data/files/); workflow state holds only this metadata. */
export interface FileRef {
  sha256: string;
  filename: string;
  contentType: string;
  size: number;
}

export interface Submission {
  version: number;
  /** When it arrived (ISO, plan time); for a paper submission, when Phòng Nội vụ received it. */
  submittedAt: string;
  channel: SubmissionChannel;
  values?: FormValues;
  documentNumber?: string;
  documentDate?: string;
  files?: FileRef[];
  submittedBy?: string;
  /** The API token that submitted it (`dondoc token list`), for submissions through `/api/v1`. */
  tokenId?: string;
}

export interface Extension {
  previousDueDate: string;
  newDueDate: string;
  reason: string;
  at: string;
  by?: string;
}

export interface ObligationState {
  id: string;
  nominalDueDate: string;
  dueDate: string;
  /** The ladder: the compiled events, those after an extension replaced from its instant on. */
  events: ScheduleEvent[];
  submissions: Submission[];
  extensions: Extension[];
  waiver?: { reason: string; at: string; by?: string };
}

/** A reminder Phòng Nội vụ asked for (resendReminder), sent by the main loop. */
export interface ManualReminder {
  obligationId: string;
  /** When it was asked for (ISO, plan time): the reminder's instant. */
  at: string;
}

/**
 * Everything the workflow knows, carried across continue-as-new. The Update handlers only queue work here
 * (receipts, manual reminders, notices to the cycle); the main loop does it and waits on this state alone.
 */
export interface UnitState {
  obligations: ObligationState[];
  notifications: NotifyResult[];
  contactProblems: ContactProblem[];
  /** Receipts to email, queued by the submit handler and sent by the main loop. */
  receipts: ReceiptNotification[];
  manualReminders: ManualReminder[];
  /** Obligations first submitted or waived that the cycle workflow has not been told about yet. */
  cycleNotices: string[];
  /** When the workflow first ran (ISO, plan time): the dispatcher catches a unit up on what came before. */
  startedAt?: string;
  /** Obligations extended that the cycle workflow has not been told about yet (its next moment may move). */
  scheduleNotices: string[];
  closed: boolean;
}

export function initialUnitState(input: UnitWorkflowInput): UnitState {
  return {
    obligations: input.obligations.map((o) => ({
      id: o.id,
      nominalDueDate: o.nominalDueDate,
      dueDate: o.dueDate,
      events: o.events,
      submissions: [],
      extensions: [],
    })),
    notifications: [],
    contactProblems: [],
    receipts: [],
    manualReminders: [],
    cycleNotices: [],
    scheduleNotices: [],
    closed: false,
  };
}

/** When it was first submitted or waived (epoch ms); Infinity while open. */
export function resolvedAtMs(obligation: ObligationState): number {
  const first = obligation.submissions[0]?.submittedAt ?? obligation.waiver?.at;
  return first === undefined ? Infinity : Date.parse(first);
}

/**
 * The highest escalation level the obligation reached: its ladder's last escalation before it was resolved (or now).
 * Reached is reached, whether the message went out at once, was merged into a later one, or was summarised in a
 * catch-up.
 */
export function levelReached(obligation: ObligationState, nowMs: number): number {
  const resolvedMs = resolvedAtMs(obligation);
  let level = 0;
  for (const event of obligation.events) {
    const at = Date.parse(event.at);
    if (event.type === 'escalation' && at <= nowMs && at < resolvedMs) level = Math.max(level, event.level);
  }
  return level;
}

/** The first event of an open obligation after `nowMs`. */
export function nextEventOf(obligation: ObligationState, nowMs: number): ScheduleEvent | undefined {
  if (isResolved(obligation)) return undefined;
  return obligation.events.find((event) => Date.parse(event.at) > nowMs);
}

/** Submitted or waived: nothing more is ever sent about it. */
export function isResolved(obligation: ObligationState): boolean {
  return obligation.submissions.length > 0 || obligation.waiver !== undefined;
}

/** Work an Update queued for the main loop: it must go out now, not at the next planned instant. */
export function hasQueuedWork(state: UnitState): boolean {
  return (
    state.receipts.length > 0 ||
    state.manualReminders.length > 0 ||
    state.cycleNotices.length > 0 ||
    state.scheduleNotices.length > 0
  );
}
