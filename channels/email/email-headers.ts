import { messageSummary, type MomentMessage } from '../../domain/dispatch/message-items';
import type { DeadlineNotification, Notification } from '../../domain/notifications/notification';
import { EmailRenderError } from './email-render-error';

/**
 * The `X-Dondoc-Kind` of an answer to an inbound email that is not a receipt (a refusal, a reply that could not be
 * linked to a reminder, a request for the report's values); the notification kinds are the others.
 */
export const REPLY_KIND = 'reply';

/** An escalation's level; a missing one is a caller bug that would otherwise mislabel the email. */
export function escalationLevel(notification: DeadlineNotification): number {
  const level = notification.level;
  if (level === undefined || !Number.isInteger(level) || level < 1) {
    throw new EmailRenderError('EMAIL_RENDER_FAILED', `Escalation ${notification.key} has no valid level`);
  }
  return level;
}

/** The `X-Dondoc-*` headers of CONTRACTS.md §3 (Message-ID is the mailer's, from the same key). */
export function dondocHeaders(notification: Notification, sendKey: string): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Dondoc-Kind': notification.kind,
    'X-Dondoc-Cycle': `${notification.plan.id}/${notification.plan.year}`,
  };
  switch (notification.kind) {
    case 'reminder':
    case 'escalation':
      headers['X-Dondoc-Unit'] = notification.unit.id;
      headers['X-Dondoc-Obligation'] = notification.obligations.map((o) => o.id).join(',');
      if (notification.kind === 'escalation') headers['X-Dondoc-Level'] = String(escalationLevel(notification));
      break;
    case 'receipt':
      headers['X-Dondoc-Unit'] = notification.unit.id;
      headers['X-Dondoc-Obligation'] = notification.obligation.id;
      break;
    case 'report':
      headers['X-Dondoc-Obligation'] = notification.obligation.id;
      break;
    case 'digest':
      break;
  }
  headers['X-Dondoc-Scheduled-At'] = notification.scheduledAt;
  headers['X-Dondoc-Key'] = sendKey;
  return headers;
}

/**
 * The headers of a moment's message (CONTRACTS.md §3): one unit is named by `X-Dondoc-Unit`; several are listed item
 * by item in `X-Dondoc-Items`, so a mail filter or an audit can tell exactly which deadlines the email reported.
 */
export function momentHeaders(message: MomentMessage, sendKey: string): Record<string, string> {
  const { kind, level, unitIds, obligationIds } = messageSummary(message.items);
  const headers: Record<string, string> = {
    'X-Dondoc-Kind': kind,
    'X-Dondoc-Cycle': `${message.plan.id}/${message.plan.year}`,
  };
  if (unitIds.length === 1) headers['X-Dondoc-Unit'] = unitIds[0]!;
  else
    headers['X-Dondoc-Items'] = message.items
      .map((i) => `${i.unitId}/${i.obligationId}/${i.type === 'escalation' ? i.level : 0}`)
      .join(',');
  headers['X-Dondoc-Obligation'] = obligationIds.join(',');
  if (level !== undefined) headers['X-Dondoc-Level'] = String(level);
  headers['X-Dondoc-Scheduled-At'] = message.scheduledAt;
  headers['X-Dondoc-Key'] = sendKey;
  return headers;
}
