import type { ReportRow } from '../../domain/notifications/notification';

const STATUS_NAMES: Record<ReportRow['status'], string> = {
  'on-time': 'Đúng hạn',
  late: 'Trễ hạn',
  missing: 'Chưa nộp',
  waived: 'Được miễn',
};

function cell(value: string | number | boolean | undefined): string {
  const text = value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The aggregated values as CSV, with a BOM so that Excel shows the Vietnamese text right. */
export function reportCsv(fields: readonly { key: string; label: string }[], rows: readonly ReportRow[]): string {
  const header = ['Mã đơn vị', 'Đơn vị', 'Tình trạng', 'Thời điểm nộp', 'Số văn bản', ...fields.map((f) => f.label)];
  const lines = rows.map((row) => [
    row.unit.id,
    row.unit.name,
    STATUS_NAMES[row.status],
    row.submittedAt ?? '',
    row.documentNumber ?? '',
    ...fields.map((f) => row.values?.[f.key] ?? ''),
  ]);
  return `\uFEFF${[header, ...lines].map((line) => line.map(cell).join(',')).join('\r\n')}\r\n`;
}
