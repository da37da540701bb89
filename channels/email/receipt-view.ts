import type { Audience, ReceiptNotification } from '../../domain/notifications/notification';
import { ACCENT, baseView, type EmailView } from './email-view';
import { dayWithWeekday, localInstant } from './vietnamese-format';

export interface ReceiptView extends EmailView {
  unitName: string;
  title: string;
  dueDay: string;
  submittedAt: string;
  onTime: boolean;
  version: number;
  submittedBy?: string;
  documentNumber?: string;
}

export function receiptView(notification: ReceiptNotification, audience: Audience, dashboardUrl?: string): ReceiptView {
  const onTime = notification.timeliness === 'on-time';
  const submittedAt = localInstant(notification.submittedAt).full;
  const timeliness = onTime ? 'đúng hạn' : 'trễ hạn';
  const subject = `[Xác nhận đã nhận] ${notification.obligation.title} — nộp lúc ${submittedAt}, ${timeliness}`;
  return {
    ...baseView(notification, audience, {
      subject,
      preheader: `Đã nhận lúc ${submittedAt} (${timeliness})`,
      accent: ACCENT.info,
      dashboardUrl,
    }),
    unitName: notification.unit.name,
    title: notification.obligation.title,
    dueDay: dayWithWeekday(notification.obligation.dueDate),
    submittedAt,
    onTime,
    version: notification.version,
    submittedBy: notification.submittedBy,
    documentNumber: notification.documentNumber,
  };
}
