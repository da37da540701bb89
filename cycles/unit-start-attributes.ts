import type { SearchAttributePair } from '@temporalio/common';
import type { UnitWorkflowInput } from '../domain/cycle/unit-input';
import { serializeUnitSearchValues, unitSearchValues } from '../domain/cycle/unit-search-values';
import { initialUnitState } from '../domain/cycle/unit-state';
import { unitSearchAttributes } from '../workflows/search-attributes';

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
  const unit = { planId: input.cycle.planId, year: input.cycle.year, unitId: input.unit.id };
  return {
    // A start takes no nulls: an attribute without a value is simply not given.
    pairs: unitSearchAttributes(unit, values).filter((pair): pair is SearchAttributePair => pair.value !== null),
    atStart: serializeUnitSearchValues(values),
  };
}
