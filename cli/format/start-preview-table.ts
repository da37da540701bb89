import type { StartPreview } from '../../domain/dispatch/start-preview';
import type { Audience } from '../../domain/notifications/notification';
import { vnDateTime } from '../../domain/plan-time';
import { SENDING_HOURS } from '../../domain/schedule/sending-hours';
import { renderTable } from './text-table';

const AUDIENCES: readonly Audience[] = ['unit', 'supervisor', 'leadership'];

/** What a cycle start sends at once, by the recipient's most senior role and channel, before anything is sent. */
export function renderStartPreview(preview: StartPreview, supervisorName: string): string {
  const catchUp =
    preview.catchUp === 'summary'
      ? 'Nhắc bù: mỗi người một tin tóm tắt những việc đã quá hạn.'
      : 'Nhắc bù: không (--catch-up none), chỉ theo dõi từ lúc khởi tạo.';
  const lines: string[] = [];
  if (preview.totalMessages === 0) {
    lines.push(`  Không có tin nào gửi đi khi khởi tạo. ${catchUp}`);
  } else {
    lines.push(`  Tin ${when(preview)}. ${catchUp}`);
    lines.push(renderTable(['Người nhận', 'Email', 'Zalo', 'Cộng'], rows(preview, supervisorName), '    '));
    lines.push(
      `  ${preview.totalMessages} tin cho ${preview.people} người, về ${preview.items} lượt việc của các đơn vị.`,
    );
  }
  if (preview.skipped > 0) {
    lines.push(`  Bỏ qua ${preview.skipped} lượt nhắc, đôn đốc đã qua: không gửi, ghi lại để xem trên trang theo dõi.`);
  }
  return `${lines.join('\n')}\n`;
}

function when({ at, sendsAt }: StartPreview): string {
  if (sendsAt === at) return `gửi ngay khi khởi tạo (${vnDateTime(at)})`;
  const hours = `${hour(SENDING_HOURS.from)}–${hour(SENDING_HOURS.to)}`;
  return `gửi lúc ${vnDateTime(sendsAt)} (khởi tạo lúc ${vnDateTime(at)}, ngoài giờ gửi ${hours})`;
}

function rows({ messages }: StartPreview, supervisorName: string): string[][] {
  const label: Record<Audience, string> = {
    unit: 'Đơn vị',
    supervisor: `Cơ quan theo dõi (${supervisorName})`,
    leadership: 'Lãnh đạo',
  };
  const row = (name: string, email: number, zalo: number): string[] => [
    name,
    String(email),
    String(zalo),
    String(email + zalo),
  ];
  const sum = (channel: 'email' | 'zalo'): number => AUDIENCES.reduce((n, a) => n + messages[a][channel], 0);
  return [
    ...AUDIENCES.map((audience) => row(label[audience], messages[audience].email, messages[audience].zalo)),
    row('Cộng', sum('email'), sum('zalo')),
  ];
}

function hour(h: number): string {
  return `${String(h).padStart(2, '0')}:00`;
}
