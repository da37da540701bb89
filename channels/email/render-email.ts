import { sendKey } from '../../domain/notifications/idempotency-key';
import type { Audience, Notification } from '../../domain/notifications/notification';
import { deadlineCalendar } from './deadline-calendar';
import { deadlineView } from './deadline-view';
import { digestView } from './digest-view';
import { dondocHeaders } from './email-headers';
import { replySubject, threadHeaders } from './email-thread';
import type { EmailView } from './email-view';
import { formTemplateCsv, formTemplateName } from './form-template';
import { receiptView } from './receipt-view';
import { reportView } from './report-view';
import { emailTemplates } from './template-loader';

export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: string;
  encoding: 'utf8' | 'base64';
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  /** The `X-Dondoc-*` headers (CONTRACTS.md §3); the mailer derives Message-ID from `X-Dondoc-Key`. */
  headers: Record<string, string>;
  /** The deadlines as iCalendar text (reminders and escalations to the unit); also in `attachments` as `han-nop.ics`. */
  icalEvent?: string;
  attachments?: EmailAttachment[];
}

export interface RenderEmailOptions {
  /** The send key (X-Dondoc-Key). @defaultValue `sendKey(notification.key, audience, 'email')` */
  sendKey?: string;
  /** Linked from emails to Phòng Nội vụ and leadership. */
  dashboardUrl?: string;
  /** For tests: another template folder. @defaultValue `channels/email/templates` under the project root */
  templateDir?: string;
}

function viewOf(notification: Notification, audience: Audience, dashboardUrl?: string): [string, EmailView] {
  switch (notification.kind) {
    case 'reminder':
      return ['reminder', deadlineView(notification, audience, dashboardUrl)];
    case 'escalation':
      return [`escalation-${audience}`, deadlineView(notification, audience, dashboardUrl)];
    case 'digest':
      return ['digest', digestView(notification, audience, dashboardUrl)];
    case 'report':
      return ['report', reportView(notification, audience, dashboardUrl)];
    case 'receipt':
      return ['receipt', receiptView(notification, audience, dashboardUrl)];
  }
}

function attachmentsOf(notification: Notification, ics: string | undefined): EmailAttachment[] {
  const attachments: EmailAttachment[] = [];
  if (ics) {
    const contentType = 'text/calendar; charset=utf-8; method=PUBLISH';
    attachments.push({ filename: 'han-nop.ics', contentType, content: ics, encoding: 'utf8' });
  }
  if ((notification.kind === 'reminder' || notification.kind === 'escalation') && ics) {
    // The unit may fill the form and attach it to its reply (submit by replying reads it back).
    for (const obligation of notification.obligations) {
      if (!obligation.form) continue;
      attachments.push({
        filename: formTemplateName(obligation.id, 'csv'),
        contentType: 'text/csv; charset=utf-8',
        content: formTemplateCsv(obligation.form),
        encoding: 'utf8',
      });
    }
  }
  if (notification.kind === 'report') {
    for (const file of notification.attachments ?? []) {
      attachments.push({
        filename: file.filename,
        contentType: file.contentType,
        content: file.base64,
        encoding: 'base64',
      });
    }
  }
  return attachments;
}

/**
 * The email for one notification and one audience: Vietnamese subject, HTML and plain text, the contract headers,
 * and for a unit's deadlines an `.ics`. Pure apart from reading the templates once.
 */
export function renderEmail(
  notification: Notification,
  audience: Audience,
  options: RenderEmailOptions = {},
): RenderedEmail {
  // Plan files typed on some keyboards carry decomposed diacritics; compose them before anything is measured or folded.
  const composed = JSON.parse(JSON.stringify(notification).normalize('NFC')) as Notification;
  const [template, view] = viewOf(composed, audience, options.dashboardUrl);
  const templates = emailTemplates(options.templateDir);
  // A calendar entry belongs to the unit that must submit; Phòng Nội vụ and leadership get no past-due events.
  const deadline = composed.kind === 'reminder' || composed.kind === 'escalation';
  const ics = deadline && audience === 'unit' ? deadlineCalendar(composed) : undefined;
  const attachments = attachmentsOf(composed, ics);
  const thread = composed.kind === 'receipt' ? composed.thread : undefined;
  return {
    subject: thread ? replySubject(thread.subject) : view.subject,
    html: templates.html(template, view),
    text: templates.text(template, view),
    headers: {
      ...dondocHeaders(composed, options.sendKey ?? sendKey(composed.key, audience, 'email')),
      ...(thread && threadHeaders(thread)),
    },
    ...(ics ? { icalEvent: ics } : {}),
    ...(attachments.length > 0 ? { attachments } : {}),
  };
}
