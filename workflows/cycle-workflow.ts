import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  log,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import { checkAmend } from '../domain/cycle/cycle-commands';
import { clearFailure } from '../domain/cycle/cycle-failures';
import type { CycleState, CycleWorkflowInput } from '../domain/cycle/cycle-input';
import {
  aggregationSubject,
  CLOSE_UNITS,
  closeDue,
  collectResolved,
  dueAggregations,
  dueDigest,
  DISPATCH,
  dueFinals,
  dueMoment,
  finalAggregationSubject,
  hasWorkNow,
  initialCycleState,
  nextCycleWakeMs,
  planMoment,
  SEND_DIGEST,
  START_UNITS,
  unitsToStart,
} from '../domain/cycle/cycle-progress';
import { toPlanIso } from '../domain/plan-time';
import { withinSendingHours } from '../domain/schedule/sending-hours';
import { attempt } from './cycle-attempt';
import {
  amendUpdate,
  closeCycleUpdate,
  getCycleStatusQuery,
  unitResolvedSignal,
  unitScheduleChangedSignal,
  type AmendInput,
  type CycleStatus,
} from './cycle-messages';
import { rejectAs } from './rejection';

// Fan-out activities query or start up to thousands of workflows: generous timeouts, heartbeats for liveness.
const { startUnitWorkflows, aggregateObligation, sendDigest, closeUnitWorkflows, dispatchMoment } =
  proxyActivities<Activities>({
    startToCloseTimeout: '30 minutes',
    heartbeatTimeout: '2 minutes',
    retry: { initialInterval: '10 seconds', maximumInterval: '10 minutes', maximumAttempts: 20 },
  });

const DEFAULT_BATCH = 200;

/**
 * One plan-year (ID `dondoc/<planId>/<year>`): starts the unit workflows in batches, aggregates each report
 * at its instant (and once more when the last outstanding unit is in), mails the weekly digest, and closes.
 * An activity that exhausts its retries never fails the cycle: the failure shows in the status and the thing is
 * tried again after a back-off (cycle-progress.ts).
 */
export async function cycleWorkflow(input: CycleWorkflowInput): Promise<CycleStatus> {
  const state: CycleState = input.state ?? initialCycleState(input);
  const now = (): number => Date.now() + (input.clockShiftMs ?? 0);
  const status = (): CycleStatus => ({
    planId: input.cycle.planId,
    year: input.cycle.year,
    units: state.unitIds.length,
    unitIds: [...state.unitIds],
    planSnapshot: state.planSnapshot,
    started: state.started,
    aggregations: state.aggregations,
    digestsSent: state.digestsSent,
    dispatch: state.dispatch,
    failures: state.failures,
    closed: state.closed,
  });
  // One close at a time: the close Update and the main loop's retry share the call in flight.
  let closeInFlight: Promise<void> | undefined;
  const closeUnits = (): Promise<void> => {
    closeInFlight ??= (async () => {
      const closed = await attempt(state.failures, CLOSE_UNITS, now, () =>
        closeUnitWorkflows({ cycle: input.cycle, unitIds: state.unitIds }),
      );
      if (closed !== undefined) state.closed = true;
      closeInFlight = undefined;
    })();
    return closeInFlight;
  };

  setHandler(getCycleStatusQuery, status);
  setHandler(unitResolvedSignal, (event) => {
    state.resolved.push(event);
  });
  setHandler(unitScheduleChangedSignal, ({ nextEventAt }) => {
    planMoment(state, withinSendingHours(Date.parse(nextEventAt)), toPlanIso);
  });
  // The first moment is the start itself: a cycle started late catches its people up at once.
  if (!input.state) planMoment(state, withinSendingHours(now()), toPlanIso);
  state.startedAt ??= toPlanIso(now());
  setHandler(
    amendUpdate,
    // The rule: a unit's obligations, forms and deliverables come from the unit workflow's own input. A new plan
    // snapshot applies to the units started from now on (added ones, and batches not started yet) and to later
    // aggregations; a running unit keeps its input, and its status carries the form it validates.
    async (amend) => {
      const removed = new Set(amend.remove ?? []);
      if (removed.size > 0) {
        try {
          await closeUnitWorkflows({ cycle: input.cycle, unitIds: [...removed] });
        } catch (err) {
          if (!(err instanceof ActivityFailure)) throw err;
          throw ApplicationFailure.nonRetryable(
            `Chưa đóng được quy trình của các đơn vị bị loại khỏi chu kỳ (${err.cause?.message ?? err.message}); chu kỳ chưa thay đổi, hãy thử lại`,
            'AmendmentRejected',
          );
        }
        const removedStarted = state.unitIds.slice(0, state.started).filter((id) => removed.has(id)).length;
        state.unitIds = state.unitIds.filter((id) => !removed.has(id));
        state.started -= removedStarted;
      }
      if (amend.planSnapshot) state.planSnapshot = amend.planSnapshot;
      const added = (amend.add ?? []).filter((id) => !state.unitIds.includes(id));
      state.unitIds.push(...added);
      // Units added late are caught up at the next moment, which comes at once (within sending hours).
      if (added.length > 0) planMoment(state, withinSendingHours(now()), toPlanIso);
      return status();
    },
    { validator: (amend: AmendInput) => rejectAs('AmendmentRejected', () => checkAmend(state, amend)) },
  );
  setHandler(closeCycleUpdate, async () => {
    if (state.closed) return status();
    state.closing = true;
    await closeUnits();
    if (!state.closed) {
      throw ApplicationFailure.nonRetryable(
        'Chưa đóng được quy trình của các đơn vị; hệ thống sẽ tự thử lại sau, không gửi gì thêm',
        'CloseFailed',
      );
    }
    return status();
  });

  while (!state.closed) {
    if (state.closing) {
      if (closeDue(state, now())) await closeUnits();
    } else {
      await startUnits(input, state, now);
      await dispatchDue(input, state, now);
      await aggregateDue(input, state, now);
      await sendDueDigest(input, state, now);
      collectResolved(state);
      await aggregateFinals(input, state, now);
    }
    if (state.closed) break;

    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof cycleWorkflow>({ ...input, state });
    }
    // Computed from state alone: a signal or Update that arrived while an activity ran has left its trace there.
    // A signal that moves the next instant (an extension's unitScheduleChanged) wakes the loop to re-arm its timer.
    const wake = nextCycleWakeMs(input, state, now());
    const wakeUp = (): boolean => hasWorkNow(input, state, now()) || nextCycleWakeMs(input, state, now()) !== wake;
    if (wake === undefined) await condition(wakeUp);
    else await condition(wakeUp, wake - now());
  }
  await condition(allHandlersFinished);
  return status();
}

/** Whether an instant had passed when the cycle started: its work is caught up, not mailed. */
function beforeStart(state: CycleState, instant: string): boolean {
  return state.startedAt !== undefined && Date.parse(instant) < Date.parse(state.startedAt);
}

/** What the aggregation and digest activities share; the plan snapshot is the cycle's current one. */
function common(input: CycleWorkflowInput, state: CycleState) {
  return { cycle: input.cycle, plan: input.plan, planSnapshot: state.planSnapshot, supervisor: input.supervisor };
}

/** Batches: a restart resumes at `started`, and USE_EXISTING makes a repeated batch harmless. */
async function startUnits(input: CycleWorkflowInput, state: CycleState, now: () => number): Promise<void> {
  while (unitsToStart(state, now())) {
    const batch = state.unitIds.slice(state.started, state.started + (input.batchSize ?? DEFAULT_BATCH));
    const started = await attempt(state.failures, START_UNITS, now, () =>
      startUnitWorkflows({
        cycle: input.cycle,
        planSnapshot: state.planSnapshot,
        unitIds: batch,
        channels: input.channels,
        ...(input.clockShiftMs && { clockShiftMs: input.clockShiftMs }),
        ...(input.searchAttributes === false && { searchAttributes: false }),
      }),
    );
    if (started === undefined) return;
    state.started += batch.length;
  }
  // Units removed while a batch was failing: nothing is left to start, so nothing is failing either.
  if (state.started >= state.unitIds.length) clearFailure(state.failures, START_UNITS);
}

/** The moment due now: one message per person and channel, covering every item due since the previous moment. */
async function dispatchDue(input: CycleWorkflowInput, state: CycleState, now: () => number): Promise<void> {
  if (!dueMoment(state, now())) return;
  const at = state.dispatch.pendingAt ?? toPlanIso(now());
  const planned = state.dispatch.nextMomentAt;
  const result = await attempt(state.failures, DISPATCH, now, () =>
    dispatchMoment({
      cycle: input.cycle,
      plan: input.plan,
      planSnapshot: state.planSnapshot,
      unitIds: state.unitIds,
      ...(state.dispatch.lastMomentAt && { from: state.dispatch.lastMomentAt }),
      at,
      catchUp: input.catchUp ?? 'summary',
      channels: input.channels,
    }),
  );
  const { dispatch } = state;
  if (!result) {
    dispatch.pendingAt = at;
    return;
  }
  delete dispatch.pendingAt;
  log.info('moment dispatched', { at, items: result.items, ...result.messages });
  dispatch.lastMomentAt = at;
  dispatch.moments++;
  dispatch.sent += result.messages.sent;
  dispatch.held += result.messages.held;
  dispatch.failed += result.messages.failed;
  dispatch.unknown += result.messages.unknown;
  dispatch.skipped += result.skipped;
  // Planned from the units' ladders as they are now; an extension signals an earlier instant if there is one.
  if (dispatch.nextMomentAt === planned) delete dispatch.nextMomentAt;
  if (result.nextAt) planMoment(state, withinSendingHours(Date.parse(result.nextAt)), toPlanIso);
}

async function aggregateDue(input: CycleWorkflowInput, state: CycleState, now: () => number): Promise<void> {
  for (const aggregation of dueAggregations(input, state, now())) {
    const subject = aggregationSubject(aggregation);
    const summary = await attempt(state.failures, subject, now, () =>
      aggregateObligation({
        ...common(input, state),
        obligationId: aggregation.obligation,
        at: aggregation.at,
        unitIds: state.unitIds,
        final: false,
        mail: !beforeStart(state, aggregation.at),
      }),
    );
    if (!summary) continue;
    state.aggregated.push(subject.subject);
    state.aggregations.push(summary);
    if (summary.missingUnits.length > 0) state.outstanding[aggregation.obligation] = summary.missingUnits;
  }
}

async function sendDueDigest(input: CycleWorkflowInput, state: CycleState, now: () => number): Promise<void> {
  const digest = dueDigest(input, state, now());
  if (!digest) return;
  if (beforeStart(state, digest.at)) {
    // A late start's catch-up already told Phòng Nội vụ what is overdue.
    state.digestsSent.push(...digest.covers);
    return;
  }
  const sent = await attempt(state.failures, SEND_DIGEST, now, () =>
    sendDigest({ ...common(input, state), at: digest.at, unitIds: state.unitIds }),
  );
  if (sent) state.digestsSent.push(...digest.covers);
}

/** Once more, when the last outstanding unit of an aggregated obligation is in. */
async function aggregateFinals(input: CycleWorkflowInput, state: CycleState, now: () => number): Promise<void> {
  for (const obligationId of dueFinals(state, now())) {
    const summary = await attempt(state.failures, finalAggregationSubject(obligationId), now, () =>
      aggregateObligation({
        ...common(input, state),
        obligationId,
        at: toPlanIso(now()),
        unitIds: state.unitIds,
        final: true,
      }),
    );
    if (!summary) continue;
    state.finalDue = state.finalDue.filter((id) => id !== obligationId);
    state.aggregations.push(summary);
  }
}
