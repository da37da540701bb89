import { dayNumberFromParts, monthDayInYear, parseMonthDay, partsFromDayNumber, type DayNumber } from '../local-date';
import type { Plan } from '../plan/plan-schema';
import type { Cycle } from './compile-schedule';

/**
 * A yearly cycle of a plan: the issue date is given, else the plan's `issuedOn` (MM-DD) in that year,
 * else 1 January. Returns an error message when the given date is outside the cycle year.
 */
export function resolveCycle(plan: Plan, year: number, issuedOn?: DayNumber): Cycle | string {
  if (issuedOn !== undefined) {
    if (partsFromDayNumber(issuedOn).year !== year) return `the issue date must fall in ${year}`;
    return { year, issuedOn };
  }
  const planDefault = plan.issuedOn ? parseMonthDay(plan.issuedOn) : undefined;
  const day = planDefault ? monthDayInYear(planDefault, year) : undefined;
  return { year, issuedOn: day ?? dayNumberFromParts(year, 1, 1) };
}
