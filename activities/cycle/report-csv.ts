import { csvDocument } from '../../domain/csv';
import type { ReportRow } from '../../domain/notifications/notification';

const STATUS_NAMES: Record<ReportRow['status'], string> = {
  'on-time': 'Đúng hạn',
  late: 'Trễ hạn',
  missing: 'Chưa nộp',
  waived: 'Được miễn',
};

/** The aggregated values as CSV for Excel (`csvDocument`: BOM, CRLF, no formulas from what units typed). */
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
  return csvDocument([header, ...lines]);
}
