import type { ExpectedItem } from './expected-items';
import { nominalDueDate } from './expected-items';
import type { PlanFile } from './plan-file';
import { planInstant } from './plan-time';
import { addWorkingDays, onOrNextWorkingDay } from './working-days-2022';

/**
 * Each report obligation is aggregated on the N-th working day after its effective due date (plan `aggregate`).
 * The cycle aggregates once more when the last outstanding unit submits; the oracle refuses to guess that instant,
 * so it only accepts scenarios (like the seed's, where xa-chu-rang never submits) in which that never happens.
 */
export function expectedAggregations(
  plan: PlanFile,
  items: readonly ExpectedItem[],
  year: number,
): { obligation: string; at: string }[] {
  return plan.obligations.flatMap((obligation) => {
    if (!obligation.aggregate) return [];
    if (items.every((i) => i.obligation !== obligation.id || i.resolvedAtMs < Infinity))
      throw new Error(`the test oracle does not model the final aggregation of ${obligation.id}`);
    const due = onOrNextWorkingDay(nominalDueDate(obligation, `${year}-${plan.issuedOn}`));
    const day = addWorkingDays(due, obligation.aggregate.workingDaysAfterDue);
    return day ? [{ obligation: obligation.id, at: planInstant(day, obligation.aggregate.at) }] : [];
  });
}
