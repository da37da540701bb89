import type { StartUnitsInput } from '../../cycles';
import { progressHeartbeat } from '../progress-heartbeat';
import type { CycleDeps } from './cycle-deps';

export type StartUnitWorkflowsInput = StartUnitsInput;

/** Starts one batch of unit workflows; a retried or repeated batch is harmless (see `CycleCore.startUnits`). */
export function startUnitWorkflows(deps: CycleDeps) {
  return (input: StartUnitWorkflowsInput): Promise<{ ensured: number }> =>
    deps.core.startUnits(input, progressHeartbeat());
}
