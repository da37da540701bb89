import type { FormValues } from '../forms/validate-form-values';
import type { Audience, DeadlineNotification, ReceiptNotification } from '../notifications/notification';
import type { ContactProblem, NotifyResult } from '../notifications/notify-result';
import type { ScheduleEvent } from '../schedule/schedule-types';
import type { UnitWorkflowInput } from './unit-input';

export type SubmissionChannel = 'web' | 'api' | 'cli' | 'paper';

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
  events: ScheduleEvent[];
  /** Index of the first event not yet handled (sent, skipped or superseded). */
  nextEvent: number;
  submissions: Submission[];
  extensions: Extension[];
  waiver?: { reason: string; at: string; by?: string };
  /** Highest escalation level notified so far; 0 when none. */
  level: number;
}

/** A Zalo send that was deferred (night, daily limit) and must be tried again at `notBefore`. */
export interface DeferredSend {
  notBefore: string;
  channel: 'zns' | 'oa';
  audience: Audience;
  key: string;
  notification: DeadlineNotification;
  contactIndex: number;
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
  deferred: DeferredSend[];
  /** Receipts to email, queued by the submit handler and sent by the main loop. */
  receipts: ReceiptNotification[];
  manualReminders: ManualReminder[];
  /** Obligations first submitted or waived that the cycle workflow has not been told about yet. */
  cycleNotices: string[];
  /** False until the first run has skipped the past (late start). */
  caughtUp: boolean;
  closed: boolean;
}

export function initialUnitState(input: UnitWorkflowInput): UnitState {
  return {
    obligations: input.obligations.map((o) => ({
      id: o.id,
      nominalDueDate: o.nominalDueDate,
      dueDate: o.dueDate,
      events: o.events,
      nextEvent: 0,
      submissions: [],
      extensions: [],
      level: 0,
    })),
    notifications: [],
    contactProblems: [],
    deferred: [],
    receipts: [],
    manualReminders: [],
    cycleNotices: [],
    caughtUp: false,
    closed: false,
  };
}

/** Submitted or waived: nothing more is ever sent about it. */
export function isResolved(obligation: ObligationState): boolean {
  return obligation.submissions.length > 0 || obligation.waiver !== undefined;
}

/** Work an Update queued for the main loop: it must go out now, not at the next planned instant. */
export function hasQueuedWork(state: UnitState): boolean {
  return state.receipts.length > 0 || state.manualReminders.length > 0 || state.cycleNotices.length > 0;
}
