import { csvDocument, type CsvValue } from '../domain/csv';
import { vnDate, vnDateTime } from '../domain/plan-time';
import type { ConsolidatedReport } from '../domain/report/consolidated-report';
import { REPORT_STATUS_LABELS } from './report-labels';

/**
 * The per-unit values for Excel (`csvDocument`: BOM, CRLF, no formulas from what units typed), with a last line of
 * totals: sums, and averages of percentages over the units that gave them.
 */
export function reportCsv(report: ConsolidatedReport): string {
  const header = [
    'Mã đơn vị',
    'Đơn vị',
    'Tình trạng',
    'Hạn nộp',
    'Thời điểm nộp',
    'Số ngày làm việc trễ',
    'Số văn bản',
    ...report.fields.map((f) => f.label),
  ];
  const lines: CsvValue[][] = report.units.map((line) => [
    line.unit.id,
    line.unit.name,
    REPORT_STATUS_LABELS[line.status],
    line.dueDate ? vnDate(line.dueDate) : '',
    line.submittedAt ? vnDateTime(line.submittedAt) : '',
    line.workingDaysLate,
    line.documentNumber,
    ...report.fields.map((f) => {
      const value = line.values?.[f.key];
      return typeof value === 'boolean' ? (value ? 'Có' : 'Không') : value;
    }),
  ]);
  const totals: CsvValue[] = [
    '',
    'Tổng cộng',
    `${report.counts.onTime + report.counts.late}/${report.counts.total} đã nộp`,
    '',
    '',
    '',
    '',
    ...report.indicators.map((indicator) => {
      if (indicator.kind === 'sum') return indicator.reported > 0 ? indicator.total : '';
      if (indicator.kind === 'average') return indicator.average === undefined ? '' : round2(indicator.average);
      if (indicator.kind === 'yes-no') return `Có: ${indicator.yes}; Không: ${indicator.no}`;
      return '';
    }),
  ];
  return csvDocument([header, ...lines, totals]);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
