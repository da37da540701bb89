import { messageSummary, type MomentMessage } from '../../domain/dispatch/message-items';
import type { DeadlineNotification } from '../../domain/notifications/notification';
import { EmailRenderError } from './email-render-error';

/**
 * A message only about the recipient's own unit, on the schedule: that unit gets the email it always got (with its
 * `.ics`). A catch-up is a summary even for one unit: it must say that the ladder it missed is not replayed.
 */
export function isOwnUnitMessage(message: MomentMessage): boolean {
  const first = message.items[0];
  return (
    first !== undefined &&
    message.items.every((item) => item.role === 'unit' && item.unitId === first.unitId && !item.catchUp)
  );
}

/** The unit's deadline notification that an own-unit message stands for. */
export function ownUnitNotification(message: MomentMessage): DeadlineNotification {
  const first = message.items[0];
  if (!first) throw new EmailRenderError('EMAIL_RENDER_FAILED', `Message ${message.key} has no item`);
  const { kind, level } = messageSummary(message.items);
  const next = message.items.find((item) => item.nextEscalation)?.nextEscalation;
  const inboxUrl = message.items.find((item) => item.inboxUrl)?.inboxUrl;
  return {
    kind,
    key: message.key,
    scheduledAt: message.scheduledAt,
    plan: message.plan,
    supervisorName: message.supervisorName,
    unit: first.unit,
    obligations: message.items.map((item) => ({
      id: item.obligationId,
      title: item.title,
      nominalDueDate: item.nominalDueDate,
      dueDate: item.dueDate,
      workingDaysLeft: item.workingDays,
      ...(item.submissionUrl !== undefined && { submissionUrl: item.submissionUrl }),
      ...(item.form && { form: item.form }),
    })),
    ...(level !== undefined && { level }),
    ...(next && { nextEscalation: next }),
    ...(inboxUrl !== undefined && { inboxUrl }),
  };
}
