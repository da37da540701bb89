import { heartbeat } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { unitWorkflowId } from '../../domain/cycle/cycle-input';
import type { UnitStatus } from '../../domain/cycle/unit-status';
import { getStatusQuery } from '../../workflows/unit-messages';

const CONCURRENCY = 20;

/** Every unit's status, by query; a unit whose workflow is gone (removed by an amendment) is skipped. */
export async function fetchStatuses(
  client: Client,
  cycle: { planId: string; year: number },
  unitIds: readonly string[],
): Promise<UnitStatus[]> {
  const statuses: UnitStatus[] = [];
  for (let i = 0; i < unitIds.length; i += CONCURRENCY) {
    const batch = await Promise.all(
      unitIds.slice(i, i + CONCURRENCY).map((unitId) =>
        client.workflow
          .getHandle(unitWorkflowId(cycle, unitId))
          .query(getStatusQuery)
          .catch((err: unknown) => {
            if ((err as Error).name === 'WorkflowNotFoundError') return undefined;
            throw err;
          }),
      ),
    );
    for (const status of batch) if (status) statuses.push(status);
    heartbeat(i);
  }
  return statuses;
}
