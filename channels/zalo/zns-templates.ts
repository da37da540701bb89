import type { DeadlineNotification, ReceiptNotification } from '../../domain/notifications/notification';

/**
 * Our ZNS templates and their parameter names. Zalo approves each template with the names it was registered
 * with; the ids differ per OA and come from config, the names must match what was registered.
 */
export const ZNS_TEMPLATE_PARAMS = {
  reminder: ['ten_don_vi', 'ten_nhiem_vu', 'han_nop', 'so_ngay', 'duong_dan'],
  escalation: ['ten_don_vi', 'ten_nhiem_vu', 'han_nop', 'so_ngay', 'duong_dan'],
  receipt: ['ten_don_vi', 'ten_nhiem_vu', 'thoi_gian_nop', 'tinh_trang'],
} as const satisfies Record<string, readonly string[]>;

export type ZnsTemplateName = keyof typeof ZNS_TEMPLATE_PARAMS;
export type ZnsTemplateIds = Readonly<Record<ZnsTemplateName, string>>;

/** Zalo caps parameter values (the exact limits per parameter type are not published). */
const MAX_VALUE_LENGTH = 100;

export interface ZnsTemplateMessage {
  template: ZnsTemplateName;
  data: Record<string, string>;
}

/** The template and its parameters for a notification that ZNS can carry. */
export function renderZnsTemplate(notification: DeadlineNotification | ReceiptNotification): ZnsTemplateMessage {
  if (notification.kind === 'receipt') {
    return {
      template: 'receipt',
      data: clip({
        ten_don_vi: notification.unit.name,
        ten_nhiem_vu: notification.obligation.title,
        thoi_gian_nop: formatInstant(notification.submittedAt),
        tinh_trang: notification.timeliness === 'on-time' ? 'Đúng hạn' : 'Trễ hạn',
      }),
    };
  }
  const first = notification.obligations[0];
  return {
    template: notification.kind,
    data: clip({
      ten_don_vi: notification.unit.name,
      ten_nhiem_vu: notification.obligations.map((obligation) => obligation.title).join('; '),
      han_nop: first ? formatDate(first.dueDate) : '',
      so_ngay: first ? String(Math.abs(first.workingDaysLeft)) : '',
      duong_dan: first?.submissionUrl ?? '',
    }),
  };
}

/** "2022-10-17" → "17/10/2022", the way Vietnamese documents write dates. */
function formatDate(date: string): string {
  const [year, month, day] = date.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** "2022-10-17T08:05:00+07:00" → "08:05 17/10/2022" (the instant is already in plan time). */
function formatInstant(instant: string): string {
  return `${instant.slice(11, 16)} ${formatDate(instant)}`;
}

function clip(data: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => [
      key,
      value.length > MAX_VALUE_LENGTH ? `${value.slice(0, MAX_VALUE_LENGTH - 1)}…` : value,
    ]),
  );
}
