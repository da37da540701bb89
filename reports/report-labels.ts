import type { FormValue } from '../domain/forms/validate-form-values';
import type { ReportUnitStatus } from '../domain/report/consolidated-report';

/** How each format names a unit's standing (Vietnamese, for Phòng Nội vụ). */
export const REPORT_STATUS_LABELS: Record<ReportUnitStatus, string> = {
  'on-time': 'Đúng hạn',
  late: 'Trễ hạn',
  missing: 'Chưa nộp',
  waived: 'Được miễn',
  'not-yet-due': 'Chưa đến hạn',
};

/** A number as Vietnamese write it: `1.234,5` (at most two decimals). */
export function vnNumber(value: number): string {
  return value.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
}

/** A rate (0..1) as a percentage: `83,3%`. */
export function vnPercent(rate: number | undefined): string {
  return rate === undefined ? '—' : `${(rate * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
}

/** A form value in a table: yes/no in words, numbers the Vietnamese way. */
export function vnValue(value: FormValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  return typeof value === 'number' ? vnNumber(value) : value;
}

/** A signed change: `+4`, `−6,5`, `0`. */
export function vnChange(change: number | undefined): string {
  if (change === undefined) return '—';
  if (change === 0) return '0';
  return `${change > 0 ? '+' : '−'}${vnNumber(Math.abs(change))}`;
}
