import { SA_UNIT } from '../workflows/search-attributes';
import { cycleLabel, type CallOptions, type CoreContext, type CycleId } from './core-context';
import { temporalToAppError } from './temporal-errors';

/**
 * The units of a cycle that may have an overdue obligation, from Temporal's visibility instead of one query per
 * unit (minutes at 10,000 units, issue #14): the unit workflows publish DondocOverdueCount and DondocNextDueDate
 * (their earliest open due date). A unit is overdue only once an open obligation's due day has ended, so its next
 * due date has passed: that holds even before the workflow woke to count it, and whatever lags in visibility can only
 * add units (a submission, an extension), which their statuses then rule out.
 *
 * Undefined when visibility cannot tell: a cycle started without search attributes (`simulate`, tests), units that
 * have not published theirs yet, a server without them registered. The caller then reads every unit.
 */
export function overdueUnits(ctx: CoreContext) {
  const clock = ctx.deps.now ?? Date.now;

  async function candidates(ref: CycleId, unitIds: readonly string[]): Promise<string[] | undefined> {
    // Ids are plan ids ([a-z0-9-]): nothing to escape, but nothing else goes into the query either.
    if (!/^[a-z0-9-]+$/.test(ref.planId) || !Number.isInteger(ref.year)) return undefined;
    const cycle = `DondocPlan = '${ref.planId}' AND DondocYear = ${ref.year}`;
    try {
      // Every unit of the cycle has published its attributes (continued runs may count twice: harmless).
      const { count } = await ctx.deps.client.workflow.count(cycle);
      if (count < unitIds.length) return undefined;
      const now = new Date(clock()).toISOString();
      const query = `${cycle} AND (DondocOverdueCount > 0 OR DondocNextDueDate <= '${now}')`;
      const found = new Set<string>();
      for await (const info of ctx.deps.client.workflow.list({ query, pageSize: 1000 })) {
        const unitId = info.typedSearchAttributes.get(SA_UNIT);
        if (unitId) found.add(unitId);
      }
      // In the cycle's order, and only its current units (one removed by an amendment keeps its attributes).
      return unitIds.filter((unitId) => found.has(unitId));
    } catch (err) {
      // No advanced visibility, or the attributes are not registered: the slow way still answers.
      if (isVisibilityRefusal(err)) return undefined;
      throw temporalToAppError(err, { label: `cycle ${cycleLabel(ref)}`, vi: `chu kỳ ${cycleLabel(ref)}` });
    }
  }

  return {
    /**
     * The units that may have an overdue obligation (a superset: the caller reads their statuses and filters by
     * state), in the order of `unitIds`; all of them when visibility cannot tell.
     */
    overdueCandidates: (
      ref: CycleId,
      unitIds: readonly string[],
      options?: CallOptions,
    ): Promise<{ unitIds: string[]; fromVisibility: boolean }> =>
      ctx.withDeadline(async () => {
        const found = await candidates(ref, unitIds);
        return found ? { unitIds: found, fromVisibility: true } : { unitIds: [...unitIds], fromVisibility: false };
      }, options),
  };
}

/** INVALID_ARGUMENT (an unknown attribute, a query the store cannot run) or UNIMPLEMENTED (no such API). */
function isVisibilityRefusal(err: unknown): boolean {
  const code = (err as { cause?: { code?: unknown }; code?: unknown }).cause?.code ?? (err as { code?: unknown }).code;
  if (code === 3 || code === 12) return true;
  const message = err instanceof Error ? err.message : '';
  return /search attribute|not supported|unimplemented|invalid query|INVALID_ARGUMENT|UNIMPLEMENTED/i.test(message);
}
