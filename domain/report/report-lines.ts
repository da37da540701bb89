import type { UnitStatus } from '../cycle/unit-status';
import type { UnitKind } from '../plan/plan-shape';
import type { ReportUnitLine, ReportUnitStatus } from './consolidated-report';

/** Working days from a due date (`YYYY-MM-DD`) to an instant: positive when the instant is after it. */
export type WorkingDaysLate = (dueDate: string, atMs: number) => number;

/**
 * Each unit's line for one obligation, in the order of `statuses`, as of `atMs`: a unit whose (extended) due date is
 * still ahead is "not yet due", not missing; working days late count to the first submission, or to `atMs`.
 */
export function reportLinesOf(
  statuses: readonly UnitStatus[],
  obligationId: string,
  options: { atMs: number; workingDaysLate: WorkingDaysLate; kindOf?: (unitId: string) => UnitKind | undefined },
): ReportUnitLine[] {
  return statuses.flatMap((status) => {
    const obligation = status.obligations.find((o) => o.id === obligationId);
    if (!obligation) return [];
    const first = obligation.submissions[0];
    const latest = obligation.submissions.at(-1);
    const kind = options.kindOf?.(status.unit.id);
    const line: ReportUnitLine = {
      unit: { ...status.unit, ...(kind && { kind }) },
      status: lineStatusOf(obligation.state),
      dueDate: obligation.dueDate,
      ...(first && { submittedAt: first.submittedAt }),
      ...(latest?.documentNumber && { documentNumber: latest.documentNumber }),
      ...(latest?.values && { values: latest.values }),
    };
    if (line.status === 'late' && first) {
      line.workingDaysLate = Math.max(0, options.workingDaysLate(obligation.dueDate, Date.parse(first.submittedAt)));
    } else if (line.status === 'missing') {
      line.workingDaysLate = Math.max(0, options.workingDaysLate(obligation.dueDate, options.atMs));
    }
    return [line];
  });
}

function lineStatusOf(state: UnitStatus['obligations'][number]['state']): ReportUnitStatus {
  switch (state) {
    case 'submitted-on-time':
      return 'on-time';
    case 'submitted-late':
      return 'late';
    case 'waived':
      return 'waived';
    case 'overdue':
      return 'missing';
    default:
      return 'not-yet-due';
  }
}
