import type { Obligation, Plan, Unit } from './plan-schema';

/** The plan's units that an obligation applies to, in the plan's order. */
export function unitsOfObligation(plan: Plan, obligation: Obligation): Unit[] {
  const { kinds, units, exclude } = obligation.appliesTo;
  return plan.units.filter(
    (unit) => (kinds?.includes(unit.kind) || units?.includes(unit.id)) && !exclude?.includes(unit.id),
  );
}
