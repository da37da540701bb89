import {
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { CycleState, CycleWorkflowInput } from '../domain/cycle/cycle-input';
import { toPlanIso } from '../domain/schedule/instants';
import {
  amendUpdate,
  closeCycleUpdate,
  getCycleStatusQuery,
  unitResolvedSignal,
  type AmendInput,
  type CycleStatus,
} from './cycle-messages';

// Fan-out activities query or start up to thousands of workflows: generous timeouts, heartbeats for liveness.
const { startUnitWorkflows, aggregateObligation, sendDigest, closeUnitWorkflows } = proxyActivities<Activities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '10 seconds', maximumInterval: '10 minutes', maximumAttempts: 20 },
});

const DEFAULT_BATCH = 200;

/**
 * One plan-year (ID `dondoc/<planId>/<year>`): starts the unit workflows in batches, aggregates each report
 * at its instant (and once more when the last outstanding unit is in), mails the weekly digest, and closes.
 */
export async function cycleWorkflow(input: CycleWorkflowInput): Promise<CycleStatus> {
  const state: CycleState = input.state ?? {
    unitIds: input.unitIds,
    started: 0,
    planSnapshot: input.planSnapshot,
    aggregations: [],
    aggregated: [],
    digestsSent: [],
    outstanding: {},
    closed: false,
  };
  const now = (): number => Date.now() + (input.clockShiftMs ?? 0);
  const resolved: { unitId: string; obligationId: string }[] = [];
  let dirty = false;
  const status = (): CycleStatus => ({
    planId: input.cycle.planId,
    year: input.cycle.year,
    units: state.unitIds.length,
    unitIds: [...state.unitIds],
    planSnapshot: state.planSnapshot,
    started: state.started,
    aggregations: state.aggregations,
    digestsSent: state.digestsSent,
    closed: state.closed,
  });
  const common = () => ({
    cycle: input.cycle,
    plan: input.plan,
    planSnapshot: state.planSnapshot,
    supervisor: input.supervisor,
  });

  setHandler(getCycleStatusQuery, status);
  setHandler(unitResolvedSignal, (event) => {
    resolved.push(event);
    dirty = true;
  });
  setHandler(
    amendUpdate,
    async (amend) => {
      if (amend.planSnapshot) state.planSnapshot = amend.planSnapshot;
      const removed = new Set(amend.remove ?? []);
      if (removed.size > 0) {
        await closeUnitWorkflows({ cycle: input.cycle, unitIds: [...removed] });
        const removedStarted = state.unitIds.slice(0, state.started).filter((id) => removed.has(id)).length;
        state.unitIds = state.unitIds.filter((id) => !removed.has(id));
        state.started -= removedStarted;
      }
      const added = (amend.add ?? []).filter((id) => !state.unitIds.includes(id));
      if (added.length > 0) {
        state.unitIds.push(...added);
        dirty = true;
      }
      return status();
    },
    { validator: (amend: AmendInput) => validateAmend(state, amend) },
  );
  setHandler(closeCycleUpdate, async () => {
    if (!state.closed) {
      await closeUnitWorkflows({ cycle: input.cycle, unitIds: state.unitIds });
      state.closed = true;
    }
    return status();
  });

  while (!state.closed) {
    // Batches: a restart resumes at `started`, and USE_EXISTING makes a repeated batch harmless.
    while (state.started < state.unitIds.length && !state.closed) {
      const batch = state.unitIds.slice(state.started, state.started + (input.batchSize ?? DEFAULT_BATCH));
      await startUnitWorkflows({
        cycle: input.cycle,
        planSnapshot: state.planSnapshot,
        unitIds: batch,
        channels: input.channels,
        ...(input.clockShiftMs && { clockShiftMs: input.clockShiftMs }),
        ...(input.searchAttributes === false && { searchAttributes: false }),
      });
      state.started += batch.length;
    }

    const at = now();
    for (const aggregation of input.aggregations) {
      const id = `${aggregation.obligation}@${aggregation.at}`;
      if (Date.parse(aggregation.at) > at || state.aggregated.includes(id)) continue;
      const summary = await aggregateObligation({
        ...common(),
        obligationId: aggregation.obligation,
        at: aggregation.at,
        unitIds: state.unitIds,
        final: false,
      });
      state.aggregated.push(id);
      state.aggregations.push(summary);
      if (summary.missingUnits.length > 0) state.outstanding[aggregation.obligation] = summary.missingUnits;
    }

    // A late start sends only the latest digest that is due, not every missed week.
    const dueDigests = input.digests.filter((d) => Date.parse(d) <= at && !state.digestsSent.includes(d));
    const latestDigest = dueDigests.at(-1);
    if (latestDigest) {
      await sendDigest({ ...common(), at: latestDigest, unitIds: state.unitIds });
      state.digestsSent.push(...dueDigests);
    }

    while (resolved.length > 0) {
      const event = resolved.shift()!;
      const outstanding = state.outstanding[event.obligationId];
      if (!outstanding) continue;
      const remaining = outstanding.filter((id) => id !== event.unitId);
      state.outstanding[event.obligationId] = remaining;
      if (remaining.length > 0) continue;
      delete state.outstanding[event.obligationId];
      const summary = await aggregateObligation({
        ...common(),
        obligationId: event.obligationId,
        at: toPlanIso(now()),
        unitIds: state.unitIds,
        final: true,
      });
      state.aggregations.push(summary);
    }

    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof cycleWorkflow>({ ...input, state });
    }
    dirty = false;
    const upcoming = [
      ...input.aggregations.map((a) => Date.parse(a.at)),
      ...input.digests.filter((d) => !state.digestsSent.includes(d)).map((d) => Date.parse(d)),
    ].filter((t) => t > now());
    const wake = upcoming.length > 0 ? Math.min(...upcoming) : undefined;
    const wakeUp = (): boolean => dirty || state.closed || state.started < state.unitIds.length;
    if (wake === undefined) await condition(wakeUp);
    else await condition(wakeUp, wake - now());
  }
  await condition(allHandlersFinished);
  return status();
}

function validateAmend(state: CycleState, amend: { add?: string[]; remove?: string[] }): void {
  if (state.closed) throw new Error('Chu kỳ đã đóng');
  for (const id of amend.remove ?? []) {
    if (!state.unitIds.includes(id)) throw new Error(`Đơn vị «${id}» không thuộc chu kỳ này`);
  }
}
