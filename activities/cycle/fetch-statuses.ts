import type { CycleCore } from '../../cycles';
import type { UnitStatus } from '../../domain/cycle/unit-status';
import { progressHeartbeat } from './progress-heartbeat';

/** Fan-outs over thousands of units: well within the activities' 30-minute start-to-close timeout. */
export const FANOUT_DEADLINE_MS = 25 * 60_000;

/** Every unit's status, heartbeating as they answer; a unit whose workflow is gone (removed by an amendment) is skipped. */
export async function fetchStatuses(
  core: CycleCore,
  cycle: { planId: string; year: number },
  unitIds: readonly string[],
): Promise<UnitStatus[]> {
  const statuses = await core.unitStatuses(cycle, unitIds, {
    onProgress: progressHeartbeat(),
    deadlineMs: FANOUT_DEADLINE_MS,
  });
  return [...statuses.values()];
}
