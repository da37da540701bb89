import type { ReportCounts, ReportUnitLine } from './consolidated-report';

/** How many units stand where; the on-time rate counts only units that were due and not exempted. */
export function countsOf(lines: readonly ReportUnitLine[]): ReportCounts {
  const count = (status: ReportUnitLine['status']): number => lines.filter((l) => l.status === status).length;
  const counts = {
    total: lines.length,
    onTime: count('on-time'),
    late: count('late'),
    missing: count('missing'),
    waived: count('waived'),
    notYetDue: count('not-yet-due'),
  };
  const due = counts.total - counts.waived - counts.notYetDue;
  return due > 0 ? { ...counts, onTimeRate: counts.onTime / due } : counts;
}
