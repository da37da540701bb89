import type { SearchAttributePair } from '@temporalio/common';
import type { UnitWorkflowInput } from '../domain/cycle/unit-input';
import { serializeUnitSearchValues, unitSearchValues } from '../domain/cycle/unit-search-values';
import { initialUnitState } from '../domain/cycle/unit-state';
import { atPlanDate } from '../domain/plan-time';
import {
  SA_NEXT_DUE_DATE,
  SA_OVERDUE_COUNT,
  SA_PLAN,
  SA_STATE,
  SA_UNIT,
  SA_YEAR,
} from '../workflows/search-attributes';

/**
 * The search attributes a unit workflow would upsert in its first task, given at its start instead: one visibility
 * write per unit fewer when a cycle starts thousands. `atStart` goes into the input, so the first task can tell
 * whether anything changed since (an obligation turned overdue in between).
 */
export function unitStartAttributes(
  input: UnitWorkflowInput,
  nowMs: number,
): { pairs: SearchAttributePair[]; atStart: string } {
  const values = unitSearchValues(initialUnitState(input), nowMs);
  return {
    pairs: [
      { key: SA_PLAN, value: input.cycle.planId },
      { key: SA_YEAR, value: input.cycle.year },
      { key: SA_UNIT, value: input.unit.id },
      { key: SA_OVERDUE_COUNT, value: values.overdue },
      ...(values.nextDue ? [{ key: SA_NEXT_DUE_DATE, value: new Date(atPlanDate(values.nextDue)) }] : []),
      { key: SA_STATE, value: values.stateName },
    ],
    atStart: serializeUnitSearchValues(values),
  };
}
