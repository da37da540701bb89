import type { FormFieldRule } from '../forms/validate-form-values';

/**
 * What dondoc tells people, independent of the channel: the email templates and the Zalo messages are both
 * rendered from these plain-JSON values (they travel as activity inputs). Dates are "YYYY-MM-DD", instants are
 * ISO 8601 in plan time ("2022-10-17T08:00:00+07:00").
 */
export type NotificationKind = 'reminder' | 'escalation' | 'digest' | 'report' | 'receipt';
export type Channel = 'email' | 'zns' | 'oa';

/** Who a message is written for; escalations are worded differently for each. */
export type Audience = 'unit' | 'supervisor' | 'leadership';

export interface PlanRef {
  id: string;
  title: string;
  issuer: string;
  /** The plan's document reference, quoted in every message. */
  reference?: string;
  year: number;
}

export interface UnitRef {
  id: string;
  name: string;
}

export interface Contact {
  name: string;
  title?: string;
  email?: string;
  /** International form without "+": "84905123456". */
  phone?: string;
  zaloUserId?: string;
}

export interface ObligationNotice {
  id: string;
  title: string;
  nominalDueDate: string;
  /** The effective due date: on time until 24:00 of this day. */
  dueDate: string;
  /** Working days from the notice to the due date: > 0 left, 0 due today, < 0 overdue by that many. */
  workingDaysLeft: number;
  /** The unit's signed submission link for this obligation, when the web is configured. */
  submissionUrl?: string;
  /** The report's form fields: the unit's email attaches them as a template (`bieu-mau-<id>.csv`). */
  form?: FormFieldRule[];
}

interface NotificationBase {
  /** The idempotency key of the notification; each send adds its audience, channel and recipient. */
  key: string;
  /** The schedule instant this notification belongs to (X-Dondoc-Scheduled-At). */
  scheduledAt: string;
  plan: PlanRef;
  /** The supervising office's name ("Phòng Nội vụ huyện"), to whom units report. */
  supervisorName: string;
  /** The unit's inbox link (every obligation of the unit across plans), shown to the unit's own people. */
  inboxUrl?: string;
}

export interface DeadlineNotification extends NotificationBase {
  kind: 'reminder' | 'escalation';
  unit: UnitRef;
  /** One or more obligations of the unit due at the same instant. */
  obligations: ObligationNotice[];
  /** Escalation level 1..n (escalation only). */
  level?: number;
  /** Who will be told next if the unit still does not submit; absent at the last level. */
  nextEscalation?: { level: number; at: string; audiences: Audience[] };
}

export interface DigestRow {
  unit: UnitRef;
  obligation: { id: string; title: string; dueDate: string };
  state: 'overdue' | 'due-soon';
  workingDaysLeft: number;
  /** Highest escalation level reached, 0 when none. */
  level: number;
}

/** A person a channel cannot reach, until their contact is edited in the plan. */
export interface DigestContactProblem {
  name: string;
  channel: Channel;
  address: string;
  reason: string;
  detectedAt: string;
}

export interface DigestNotification extends NotificationBase {
  kind: 'digest';
  rows: DigestRow[];
  contactProblems?: DigestContactProblem[];
  dashboardUrl?: string;
}

export interface ReportRow {
  unit: UnitRef;
  status: 'on-time' | 'late' | 'missing' | 'waived';
  submittedAt?: string;
  documentNumber?: string;
  values?: Record<string, string | number | boolean>;
}

export interface ReportNotification extends NotificationBase {
  kind: 'report';
  obligation: { id: string; title: string; dueDate: string };
  /** Form field keys and labels, in form order, for the table of values. */
  fields: { key: string; label: string }[];
  rows: ReportRow[];
  attachments?: { filename: string; contentType: string; base64: string }[];
}

/** The email a receipt answers (a submission by reply): the receipt goes back in the same thread. */
export interface EmailThread {
  /** The reply's Message-ID, with its angle brackets. */
  messageId: string;
  /** Its References, oldest first. */
  references: string[];
  /** Its subject, as the sender wrote it. */
  subject: string;
}

export interface ReceiptNotification extends NotificationBase {
  kind: 'receipt';
  unit: UnitRef;
  obligation: { id: string; title: string; dueDate: string };
  submittedAt: string;
  timeliness: 'on-time' | 'late';
  submittedBy?: string;
  documentNumber?: string;
  /** 1 for the first submission, 2.. for re-submissions. */
  version: number;
  /** A submission by reply: the receipt answers in that thread. */
  thread?: EmailThread;
}

export type Notification = DeadlineNotification | DigestNotification | ReportNotification | ReceiptNotification;
