import type { DeadlineNotification } from '../../domain/notifications/notification';
import { vnDate } from '../../domain/plan-time';

/**
 * Our ZNS templates and their parameter names. Zalo approves each template with the names it was registered
 * with; the ids differ per OA and come from config, the names must match what was registered.
 */
export const ZNS_TEMPLATE_PARAMS = {
  reminder: ['ten_don_vi', 'ten_nhiem_vu', 'han_nop', 'so_ngay', 'duong_dan'],
  escalation: ['ten_don_vi', 'ten_nhiem_vu', 'han_nop', 'so_ngay', 'duong_dan'],
} as const satisfies Record<string, readonly string[]>;

export type ZnsTemplateName = keyof typeof ZNS_TEMPLATE_PARAMS;
export type ZnsTemplateIds = Readonly<Record<ZnsTemplateName, string>>;

/** Zalo caps parameter values (the exact limits per parameter type are not published). */
export const ZNS_MAX_VALUE_LENGTH = 100;

export interface ZnsTemplateMessage {
  template: ZnsTemplateName;
  data: Record<string, string>;
}

/**
 * The template and its parameters for a reminder or an escalation: what ZNS carries (a receipt answers a person who
 * just submitted on the web and goes by email only).
 */
export function renderZnsTemplate(notification: DeadlineNotification): ZnsTemplateMessage {
  const first = notification.obligations[0];
  return {
    template: notification.kind,
    data: clipZnsData({
      ten_don_vi: notification.unit.name,
      ten_nhiem_vu: notification.obligations.map((obligation) => obligation.title).join('; '),
      han_nop: first ? vnDate(first.dueDate) : '',
      so_ngay: first ? String(Math.abs(first.workingDaysLeft)) : '',
      duong_dan: first?.submissionUrl ?? '',
    }),
  };
}

/** Every value within `ZNS_MAX_VALUE_LENGTH`, a clipped one ending in `…`. */
export function clipZnsData(data: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => [
      key,
      value.length > ZNS_MAX_VALUE_LENGTH ? `${value.slice(0, ZNS_MAX_VALUE_LENGTH - 1)}…` : value,
    ]),
  );
}
