import type { CatchUpMode } from '../dispatch/due-items';
import type { ChannelAvailability } from '../notifications/delivery-plan';
import type { Contact, PlanRef } from '../notifications/notification';
import type { AggregationEvent } from '../schedule/schedule-types';
import type { CycleFailure } from './cycle-failures';
import type { CycleRef } from './unit-input';

export interface AggregationSummary {
  obligationId: string;
  at: string;
  total: number;
  onTime: number;
  late: number;
  missing: number;
  waived: number;
  /** Units still missing after this aggregation. */
  missingUnits: string[];
  /** Files written under reports/ (relative paths). */
  files: string[];
  final: boolean;
}

/** The dispatcher's progress: its moments and what they did (the messages themselves are in the database). */
export interface DispatchState {
  /** The last moment dispatched (ISO, plan time): the next one covers the events after it. */
  lastMomentAt?: string;
  /** When to dispatch next (ISO, plan time); absent when nothing is planned. */
  nextMomentAt?: string;
  /**
   * The instant of a moment whose dispatch failed (retries exhausted): tried again later as that same moment, so that
   * its message keys are the same and the sent-ledger answers for the messages the failed round did send.
   */
  pendingAt?: string;
  moments: number;
  sent: number;
  held: number;
  failed: number;
  unknown: number;
  skipped: number;
}

/**
 * Everything the cycle workflow knows, carried across continue-as-new. Handlers only record here what happened
 * (units resolved, units added, a close asked for); the main loop acts on it and waits on this state alone.
 */
export interface CycleState {
  unitIds: string[];
  /** How many of `unitIds` have been started (batches resume here after a restart). */
  started: number;
  planSnapshot: string;
  aggregations: AggregationSummary[];
  /** Aggregation instants already handled. */
  aggregated: string[];
  digestsSent: string[];
  /** Per obligation aggregated while units were missing: who is still outstanding. */
  outstanding: Record<string, string[]>;
  /** Units that submitted or were exempted, signalled by their workflows and not yet counted off `outstanding`. */
  resolved: { unitId: string; obligationId: string }[];
  /** Obligations whose last outstanding unit is in: the final re-aggregation is still to do. */
  finalDue: string[];
  dispatch: DispatchState;
  /**
   * When the cycle workflow first ran (ISO, plan time). What was due before it is caught up, not replayed: a digest
   * or an aggregation whose instant had passed is done without its email (the catch-up message says it all).
   */
  startedAt?: string;
  /** The latest failure per thing still to do, after its activity exhausted its retries. */
  failures: CycleFailure[];
  /** A close was asked for: nothing more is started or sent, the unit workflows are being closed. */
  closing: boolean;
  closed: boolean;
}

/** The input of `cycleWorkflow` (ID `dondoc/<planId>/<year>`). */
export interface CycleWorkflowInput {
  cycle: CycleRef;
  plan: PlanRef;
  /** The plan snapshot's id in the plan store (sha256 of its text). */
  planSnapshot: string;
  unitIds: string[];
  aggregations: AggregationEvent[];
  /** Weekly digest instants (first working day of each week, 08:00), computed at start. */
  digests: string[];
  supervisor: { name: string; contacts: Contact[] };
  channels: ChannelAvailability;
  /** See UnitWorkflowInput.clockShiftMs. */
  clockShiftMs?: number;
  /**
   * What a late start sends about the past: one catch-up message per person summarising what is overdue (`summary`),
   * or nothing, the skipped events being recorded for the dashboard (`none`). @defaultValue 'summary'
   */
  catchUp?: CatchUpMode;
  /** Unit workflows started per activity call. @defaultValue 200 */
  batchSize?: number;
  searchAttributes?: boolean;
  state?: CycleState;
}

export function cycleWorkflowId(cycle: { planId: string; year: number }): string {
  return `dondoc/${cycle.planId}/${cycle.year}`;
}

export function unitWorkflowId(cycle: { planId: string; year: number }, unitId: string): string {
  return `${cycleWorkflowId(cycle)}/${unitId}`;
}
