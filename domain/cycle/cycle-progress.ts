import type { AggregationEvent } from '../schedule/schedule-types';
import { mayTry, type FailureSubject } from './cycle-failures';
import type { CycleState, CycleWorkflowInput } from './cycle-input';

// What the cycle workflow has left to do at an instant, and when it must wake next: pure, so it is tested without
// a Temporal server. A thing whose activity failed stays to do, but waits for its back-off (never a busy loop).

export function initialCycleState(input: CycleWorkflowInput): CycleState {
  return {
    unitIds: input.unitIds,
    started: 0,
    planSnapshot: input.planSnapshot,
    aggregations: [],
    aggregated: [],
    digestsSent: [],
    outstanding: {},
    resolved: [],
    finalDue: [],
    dispatch: { moments: 0, sent: 0, held: 0, failed: 0, unknown: 0, skipped: 0 },
    failures: [],
    closing: false,
    closed: false,
  };
}

export const START_UNITS: FailureSubject = { activity: 'startUnitWorkflows', subject: 'units' };
export const SEND_DIGEST: FailureSubject = { activity: 'sendDigest', subject: 'digest' };
export const CLOSE_UNITS: FailureSubject = { activity: 'closeUnitWorkflows', subject: 'close' };
export const DISPATCH: FailureSubject = { activity: 'dispatchMoment', subject: 'moment' };

/**
 * The instant of the moment due now, if one is: its planned instant has come, it is within sending hours (the
 * caller moves `nextMomentAt` into them), every unit is started, and it is not backing off after a failure.
 */
export function dueMoment(state: CycleState, nowMs: number): boolean {
  const next = state.dispatch.nextMomentAt;
  return (
    !state.closing &&
    next !== undefined &&
    Date.parse(next) <= nowMs &&
    state.started >= state.unitIds.length &&
    mayTry(state.failures, DISPATCH, nowMs)
  );
}

/** A moment is planned for `atMs` unless an earlier one already is. */
export function planMoment(state: CycleState, atMs: number, toIso: (ms: number) => string): void {
  const next = state.dispatch.nextMomentAt;
  if (next === undefined || Date.parse(next) > atMs) state.dispatch.nextMomentAt = toIso(atMs);
}

/** The scheduled aggregation's subject, also its entry in `aggregated` once done. */
export function aggregationSubject(aggregation: AggregationEvent): FailureSubject {
  return {
    activity: 'aggregateObligation',
    subject: `${aggregation.obligation}@${aggregation.at}`,
    obligationId: aggregation.obligation,
  };
}

export function finalAggregationSubject(obligationId: string): FailureSubject {
  return { activity: 'aggregateObligation', subject: `${obligationId}@final`, obligationId };
}

/** Scheduled aggregations whose instant has come, not done yet and not backing off. */
export function dueAggregations(input: CycleWorkflowInput, state: CycleState, nowMs: number): AggregationEvent[] {
  return input.aggregations.filter((a) => {
    const subject = aggregationSubject(a);
    return (
      Date.parse(a.at) <= nowMs && !state.aggregated.includes(subject.subject) && mayTry(state.failures, subject, nowMs)
    );
  });
}

/**
 * The digest to send now, with every due instant it covers: a late start (or a digest that failed for a while)
 * sends only the latest one, not every missed week.
 */
export function dueDigest(
  input: CycleWorkflowInput,
  state: CycleState,
  nowMs: number,
): { at: string; covers: string[] } | undefined {
  if (!mayTry(state.failures, SEND_DIGEST, nowMs)) return undefined;
  const covers = input.digests.filter((d) => Date.parse(d) <= nowMs && !state.digestsSent.includes(d));
  const at = covers.at(-1);
  return at === undefined ? undefined : { at, covers };
}

/** Counts resolved units off `outstanding`; an obligation whose last unit is in gets its final re-aggregation. */
export function collectResolved(state: CycleState): void {
  for (const event of state.resolved.splice(0)) {
    const outstanding = state.outstanding[event.obligationId];
    if (!outstanding) continue;
    const remaining = outstanding.filter((id) => id !== event.unitId);
    if (remaining.length > 0) {
      state.outstanding[event.obligationId] = remaining;
      continue;
    }
    delete state.outstanding[event.obligationId];
    if (!state.finalDue.includes(event.obligationId)) state.finalDue.push(event.obligationId);
  }
}

/** Final re-aggregations to run now (not backing off). */
export function dueFinals(state: CycleState, nowMs: number): string[] {
  return state.finalDue.filter((id) => mayTry(state.failures, finalAggregationSubject(id), nowMs));
}

/** Whether units are waiting to be started and may be tried now. */
export function unitsToStart(state: CycleState, nowMs: number): boolean {
  return !state.closing && state.started < state.unitIds.length && mayTry(state.failures, START_UNITS, nowMs);
}

/** Whether the unit workflows are to be closed now: a close was asked for, and is not backing off. */
export function closeDue(state: CycleState, nowMs: number): boolean {
  return state.closing && !state.closed && mayTry(state.failures, CLOSE_UNITS, nowMs);
}

/**
 * Work to do now rather than at a timer: something a handler recorded, or a thing whose instant came (or whose
 * back-off ended) while the loop was busy with another activity. After a pass of the loop every due thing is done
 * or backing off, so this is false again: no busy loop. Once a close is asked for, only the close counts.
 */
export function hasWorkNow(input: CycleWorkflowInput, state: CycleState, nowMs: number): boolean {
  if (state.closed) return true;
  if (state.closing) return closeDue(state, nowMs);
  return (
    state.resolved.length > 0 ||
    unitsToStart(state, nowMs) ||
    dueAggregations(input, state, nowMs).length > 0 ||
    dueDigest(input, state, nowMs) !== undefined ||
    dueFinals(state, nowMs).length > 0 ||
    dueMoment(state, nowMs)
  );
}

/** The next instant to wake for: a scheduled aggregation or digest, or the end of a back-off. */
export function nextCycleWakeMs(input: CycleWorkflowInput, state: CycleState, nowMs: number): number | undefined {
  const instants = [...state.failures.map((f) => Date.parse(f.retryAt))];
  if (!state.closing) {
    instants.push(
      ...input.aggregations
        .filter((a) => !state.aggregated.includes(aggregationSubject(a).subject))
        .map((a) => Date.parse(a.at)),
      ...input.digests.filter((d) => !state.digestsSent.includes(d)).map((d) => Date.parse(d)),
    );
    if (state.dispatch.nextMomentAt) instants.push(Date.parse(state.dispatch.nextMomentAt));
  }
  const upcoming = instants.filter((t) => t > nowMs);
  return upcoming.length > 0 ? Math.min(...upcoming) : undefined;
}
