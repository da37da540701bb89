import { reportStatusOf } from '../activities/cycle/aggregate-obligation';
import type { UnitStatus } from '../domain/cycle/unit-status';

/** One line of outcomes.json (CONTRACTS.md §5). */
export interface Outcome {
  unit: string;
  obligation: string;
  dueDate: string;
  submittedAt: string | null;
  status: 'on-time' | 'late' | 'missing' | 'waived';
  highestEscalationLevel: number;
}

export function outcomesOf(statuses: readonly UnitStatus[]): Outcome[] {
  return statuses.flatMap((status) =>
    status.obligations.map((o) => ({
      unit: status.unit.id,
      obligation: o.id,
      dueDate: o.dueDate,
      submittedAt: o.submissions[0]?.submittedAt ?? null,
      status: reportStatusOf(o.state),
      highestEscalationLevel: o.level,
    })),
  );
}
