import { coreContext, type CycleCoreDeps } from './core-context';
import { cycleReads } from './cycle-reads';
import { cycleReport } from './cycle-report';
import { cycleSchedules } from './cycle-schedules';
import { cycleUpdates } from './cycle-updates';
import { overdueUnits } from './overdue-units';
import { temporalHealth } from './temporal-health';
import { unitFanout } from './unit-fanout';
import { unitUpdates } from './unit-updates';

export type { CallOptions, CycleCoreDeps, CycleId, ObligationTarget } from './core-context';
export type { CycleSummary, StatusReadOptions } from './cycle-reads';
export type { AmendRequest } from './cycle-updates';
export type { ScheduleRequest, ScheduleView } from './cycle-schedules';
export type { ScheduleRun } from './schedule-runs';
export { prepareCycle, type PreparedCycle, type PrepareCycleOptions } from './prepare-cycle';
export { previewCycleStart } from './start-preview';
export type { TemporalHealth } from './temporal-health';
export type { StartUnitsInput } from './unit-fanout';
export type { SubmitRequest, UnitUpdateOptions, UnitUpdateResult } from './unit-updates';

/**
 * The application core: every operation on cycles and their unit workflows, built once from its dependencies.
 * The CLI, the web, `simulate` and the cycle activities act on workflows through it and nothing else; it throws
 * only AppErrors (CLI exit code and HTTP status come from the catalog).
 */
export function createCycleCore(deps: CycleCoreDeps) {
  const ctx = coreContext(deps);
  const reads = cycleReads(ctx);
  return {
    listCycles: reads.listCycles,
    cycleStatus: reads.cycleStatus,
    plan: reads.plan,
    unitStatus: reads.unitStatus,
    unitStatuses: reads.unitStatuses,
    requireObligation: reads.requireObligation,
    historyLengths: reads.historyLengths,
    ...cycleUpdates(ctx, reads),
    ...unitUpdates(ctx, reads),
    ...unitFanout(ctx),
    ...temporalHealth(ctx),
    ...overdueUnits(ctx),
    ...cycleReport(ctx, reads),
    ...cycleSchedules(ctx),
    files: deps.files,
    /** Signs submission and inbox links (absent: messages carry no link). */
    links: deps.links,
    reports: deps.reports,
    /** The announced holiday schedules the core compiles with: readers draw the same working calendar. */
    announced: deps.announced,
    taskQueue: deps.taskQueue,
  };
}

export type CycleCore = ReturnType<typeof createCycleCore>;
export { mapLimit } from './map-limit';
