import type { AppliesTo, UnitKind } from './plan-shape';

/** The plan's units that an obligation applies to, in the plan's order (also used by the schema's cross-checks). */
export function unitsOfObligation<U extends { id: string; kind: UnitKind }>(
  plan: { units: readonly U[] },
  obligation: { appliesTo: AppliesTo },
): U[] {
  const { kinds, units, exclude } = obligation.appliesTo;
  return plan.units.filter(
    (unit) => (kinds?.includes(unit.kind) || units?.includes(unit.id)) && !exclude?.includes(unit.id),
  );
}
