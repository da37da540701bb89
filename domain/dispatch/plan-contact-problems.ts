import type { Plan } from '../plan/plan-schema';
import type { ContactProblemRecord } from './message-record';

/**
 * The contact problems of a plan's people: the table holds every plan's, keyed by address (the email in lower case,
 * the phone, or the Zalo user id), as the weekly digest reads them.
 */
export function planContactProblems(
  plan: Pick<Plan, 'units' | 'leadership'>,
  problems: readonly ContactProblemRecord[],
): ContactProblemRecord[] {
  const people = [...plan.units.flatMap((unit) => [unit.head, ...unit.contacts]), ...plan.leadership];
  const addresses = new Set(
    people.flatMap((person) => [
      person.email?.trim().toLowerCase(),
      person.phone,
      person.zaloUserId,
      person.zaloUserId && `oa:${person.zaloUserId}`,
    ]),
  );
  return problems.filter((problem) => addresses.has(problem.address));
}
