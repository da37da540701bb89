import { progressHeartbeat } from '../progress-heartbeat';
import type { CycleDeps } from './cycle-deps';

/** Signals `close` to each unit workflow; one that is already gone is fine. */
export function closeUnitWorkflows(deps: CycleDeps) {
  return (input: { cycle: { planId: string; year: number }; unitIds: string[] }): Promise<number> =>
    deps.core.closeUnits(input.cycle, input.unitIds, progressHeartbeat());
}
