import { unitWorkflowId } from '../../domain/cycle/cycle-input';
import { closeSignal } from '../../workflows/unit-messages';
import type { CycleDeps } from './cycle-deps';
import { inBatches } from './in-batches';

/** Signals `close` to each unit workflow; one that is already gone is fine. */
export function closeUnitWorkflows(deps: CycleDeps) {
  return async (input: { cycle: { planId: string; year: number }; unitIds: string[] }): Promise<number> => {
    const closed = await inBatches(input.unitIds, async (unitId) => {
      try {
        await deps.client.workflow.getHandle(unitWorkflowId(input.cycle, unitId)).signal(closeSignal);
        return true;
      } catch (err) {
        if ((err as Error).name !== 'WorkflowNotFoundError') throw err;
        return false;
      }
    });
    return closed.filter(Boolean).length;
  };
}
