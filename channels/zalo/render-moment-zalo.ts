// PROVISIONAL: replaced by the `render` branch. Only here so the dispatcher can be built meanwhile.
import { messageSummary, type MomentMessage } from '../../domain/dispatch/message-items';
import { vnDate } from '../../domain/plan-time';
import type { ZnsTemplateMessage } from './zns-templates';

export function renderMomentZns(message: MomentMessage): ZnsTemplateMessage {
  const first = message.items[0];
  return {
    template: messageSummary(message.items).kind,
    data: {
      ten_don_vi: first?.unit.name ?? '',
      ten_nhiem_vu: first?.title.slice(0, 99) ?? '',
      han_nop: first ? vnDate(first.dueDate) : '',
      so_ngay: first ? String(Math.abs(first.workingDays)) : '',
      duong_dan: first?.submissionUrl ?? '',
    },
  };
}

export function renderMomentOaText(message: MomentMessage): string {
  return message.items.map((i) => `${i.unit.name}: ${i.title} (hạn ${vnDate(i.dueDate)})`).join('\n').slice(0, 1900);
}
