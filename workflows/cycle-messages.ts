import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CycleFailure } from '../domain/cycle/cycle-failures';
import type { AggregationSummary, DispatchState } from '../domain/cycle/cycle-input';

export interface CycleStatus {
  planId: string;
  year: number;
  units: number;
  unitIds: string[];
  /** The plan snapshot the cycle runs on (sha256 of the plan text). */
  planSnapshot: string;
  started: number;
  aggregations: AggregationSummary[];
  digestsSent: string[];
  /**
   * What the cycle could not do after its activity exhausted its retries (latest per activity and subject), and
   * when it tries again; an entry goes away once that thing succeeds.
   */
  failures: CycleFailure[];
  /** The dispatcher: its last and next moment, and how many messages it sent, held, skipped or could not send. */
  dispatch: DispatchState;
  closed: boolean;
}

export interface AmendInput {
  /** A new plan snapshot (the edited plan file), required to add units. */
  planSnapshot?: string;
  add?: string[];
  remove?: string[];
}

/** A unit submitted or was exempted: the cycle re-aggregates once when the last outstanding unit is in. */
export const unitResolvedSignal = defineSignal<[{ unitId: string; obligationId: string }]>('unitResolved');
/** A unit's ladder changed (an extension): the dispatcher's next moment may come sooner. */
export const unitScheduleChangedSignal = defineSignal<[{ unitId: string; nextEventAt: string }]>('unitScheduleChanged');
/** Adds units (started at once) or removes them (their workflows are closed). */
export const amendUpdate = defineUpdate<CycleStatus, [AmendInput]>('amend');
/** Closes the cycle and every unit workflow in it. */
export const closeCycleUpdate = defineUpdate<CycleStatus>('closeCycle');
export const getCycleStatusQuery = defineQuery<CycleStatus>('getCycleStatus');
