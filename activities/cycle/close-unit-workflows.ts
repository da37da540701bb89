import { heartbeat } from '@temporalio/activity';
import { unitWorkflowId } from '../../domain/cycle/cycle-input';
import { closeSignal } from '../../workflows/unit-messages';
import type { CycleDeps } from './cycle-deps';

const CONCURRENCY = 20;

/** Signals `close` to each unit workflow; one that is already gone is fine. */
export function closeUnitWorkflows(deps: CycleDeps) {
  return async (input: { cycle: { planId: string; year: number }; unitIds: string[] }): Promise<number> => {
    let closed = 0;
    for (let i = 0; i < input.unitIds.length; i += CONCURRENCY) {
      await Promise.all(
        input.unitIds.slice(i, i + CONCURRENCY).map(async (unitId) => {
          try {
            await deps.client.workflow.getHandle(unitWorkflowId(input.cycle, unitId)).signal(closeSignal);
            closed++;
          } catch (err) {
            if ((err as Error).name !== 'WorkflowNotFoundError') throw err;
          }
        }),
      );
      heartbeat(i);
    }
    return closed;
  };
}
