import type { Client } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import type { CycleWorkflowInput } from '../domain/cycle/cycle-input';
import type { AmendInput, CycleStatus } from '../workflows/cycle-messages';
import { cycleHandle, type CycleTarget } from './cycle-target';

/**
 * The unit ids of a running or closed cycle. `getCycleStatus` answers counts only, so they are read from the
 * current run's history: its input (carrying `state` after a continue-as-new) plus every amendment that
 * completed. A status that does list `unitIds` is taken as is.
 */
export async function cycleUnitIds(client: Client, target: CycleTarget, status: CycleStatus): Promise<string[]> {
  const listed = (status as CycleStatus & { unitIds?: string[] }).unitIds;
  if (Array.isArray(listed)) return listed;

  const converter = client.options.loadedDataConverter.payloadConverter;
  const decode = <T>(payload: Payload | null | undefined): T | undefined =>
    payload ? converter.fromPayload<T>(payload) : undefined;
  const history = await cycleHandle(client, target).fetchHistory();
  let unitIds: string[] = [];
  const amendments = new Map<string, AmendInput>();
  for (const event of history.events ?? []) {
    const started = event.workflowExecutionStartedEventAttributes;
    if (started) {
      const input = decode<CycleWorkflowInput>(started.input?.payloads?.[0]);
      unitIds = [...(input?.state?.unitIds ?? input?.unitIds ?? [])];
    }
    const accepted = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
    if (accepted?.input?.name === 'amend' && accepted.meta?.updateId) {
      amendments.set(accepted.meta.updateId, decode<AmendInput>(accepted.input.args?.payloads?.[0]) ?? {});
    }
    const completed = event.workflowExecutionUpdateCompletedEventAttributes;
    const amend = completed?.meta?.updateId ? amendments.get(completed.meta.updateId) : undefined;
    if (amend && completed?.outcome?.success) {
      // The order of the amend handler: removals, then additions not already there.
      const removed = new Set(amend.remove ?? []);
      unitIds = unitIds.filter((id) => !removed.has(id));
      unitIds.push(...(amend.add ?? []).filter((id) => !unitIds.includes(id)));
    }
  }
  return unitIds;
}
