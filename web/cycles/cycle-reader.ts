import type { CycleCore, CycleId, CycleSummary } from '../../cycles';
import type { UnitStatus } from '../../domain/cycle/unit-status';
import type { Plan } from '../../domain/plan/plan-schema';
import type { CycleStatus } from '../../workflows/cycle-messages';

export type CycleRef = CycleId;
export type { CycleSummary };

export interface CycleView extends CycleRef {
  status: CycleStatus;
  plan: Plan;
}

export interface CycleReaderOptions {
  core: CycleCore;
  /** How long one page may wait for Temporal, ms. */
  deadlineMs: number;
  cacheMs: number;
  /** Units queried under one deadline. @defaultValue READ_BATCH_UNITS */
  batchUnits?: number;
}

/**
 * Units queried under one deadline: at 10,000 units a worker answered ~30 status queries a second (most replayed
 * from history), so a read of thousands (the overdue list of a late cycle, a state filter, the CSV export) is cut
 * into batches that each fit a page's deadline instead of failing as a whole.
 */
export const READ_BATCH_UNITS = 100;

/**
 * The dashboard's view of the core's reads: pages ask only for the units they show, and an answer is reused for
 * `cacheMs` (dropped when the web changes that unit).
 */
export class CycleReader {
  private readonly cache = new Map<string, { at: number; status: UnitStatus }>();

  constructor(private readonly options: CycleReaderOptions) {}

  list(limit = 200): Promise<CycleSummary[]> {
    return this.options.core.listCycles(limit, this.call());
  }

  async cycle(ref: CycleRef): Promise<CycleView> {
    const status = await this.options.core.cycleStatus(ref, this.call());
    return { ...ref, status, plan: await this.options.core.plan(status.planSnapshot) };
  }

  /** One unit, fresh from its workflow. */
  async unit(ref: CycleRef, unitId: string): Promise<UnitStatus> {
    const status = await this.options.core.unitStatus(ref, unitId, this.call());
    this.cache.set(keyOf(ref, unitId), { at: Date.now(), status });
    return status;
  }

  /** Several units, cached answers reused, `READ_BATCH_UNITS` at a time; a unit whose workflow is not there is left out. */
  async units(ref: CycleRef, unitIds: readonly string[]): Promise<Map<string, UnitStatus>> {
    const now = Date.now();
    const fresh = new Map<string, UnitStatus>();
    const missing: string[] = [];
    for (const unitId of unitIds) {
      const cached = this.cache.get(keyOf(ref, unitId));
      if (cached && now - cached.at < this.options.cacheMs) fresh.set(unitId, cached.status);
      else missing.push(unitId);
    }
    const read = new Map<string, UnitStatus>();
    const size = this.options.batchUnits ?? READ_BATCH_UNITS;
    for (let start = 0; start < missing.length; start += size) {
      const batch = missing.slice(start, start + size);
      for (const [unitId, status] of await this.options.core.unitStatuses(ref, batch, this.call())) {
        read.set(unitId, status);
        this.cache.set(keyOf(ref, unitId), { at: now, status });
      }
    }
    // In the order asked, as the pages list them.
    return new Map(
      unitIds.flatMap((unitId) => {
        const status = fresh.get(unitId) ?? read.get(unitId);
        return status ? [[unitId, status] as const] : [];
      }),
    );
  }

  /**
   * The units that may have an overdue obligation (Temporal's visibility picks them; every unit when it cannot
   * tell), with their statuses: the caller keeps the obligations that are overdue now.
   */
  async overdueCandidates(ref: CycleRef, unitIds: readonly string[]): Promise<Map<string, UnitStatus>> {
    const found = await this.options.core.overdueCandidates(ref, unitIds, this.call());
    return this.units(ref, found.unitIds);
  }

  /** After the web changed a unit: its next read goes to the workflow. */
  forget(ref: CycleRef, unitId: string): void {
    this.cache.delete(keyOf(ref, unitId));
  }

  private call() {
    return { deadlineMs: this.options.deadlineMs };
  }
}

function keyOf(ref: CycleRef, unitId: string): string {
  return `${ref.planId}/${ref.year}/${unitId}`;
}
