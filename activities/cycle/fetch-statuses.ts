import type { Client } from '@temporalio/client';
import { unitWorkflowId } from '../../domain/cycle/cycle-input';
import type { UnitStatus } from '../../domain/cycle/unit-status';
import { getStatusQuery } from '../../workflows/unit-messages';
import { inBatches } from './in-batches';

/** Every unit's status, by query; a unit whose workflow is gone (removed by an amendment) is skipped. */
export async function fetchStatuses(
  client: Client,
  cycle: { planId: string; year: number },
  unitIds: readonly string[],
): Promise<UnitStatus[]> {
  const statuses = await inBatches(unitIds, (unitId) =>
    client.workflow
      .getHandle(unitWorkflowId(cycle, unitId))
      .query(getStatusQuery)
      .catch((err: unknown) => {
        if ((err as Error).name === 'WorkflowNotFoundError') return undefined;
        throw err;
      }),
  );
  return statuses.filter((status) => status !== undefined);
}
