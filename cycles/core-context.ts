import type { Client, WorkflowHandle } from '@temporalio/client';
import type { AnnouncedSchedule } from '../domain/calendar';
import { cycleWorkflowId, unitWorkflowId } from '../domain/cycle/cycle-input';
import type { SubmitReceipt } from '../domain/cycle/unit-commands';
import type { LinkSigner } from '../links/link-signer';
import type { FileStore } from '../storage/file-store';
import type { PlanStore } from '../storage/plan-store';
import type { ReportStore } from '../storage/report-store';
import type { cycleWorkflow } from '../workflows/cycle-workflow';
import type { unitWorkflow } from '../workflows/unit-workflow';

/** What the application core is built from, once per process. */
export interface CycleCoreDeps {
  client: Client;
  taskQueue: string;
  plans: PlanStore;
  files: FileStore;
  /** Aggregated reports (the cycle activities write them; any host's web can serve them). */
  reports: ReportStore;
  /** Announced holiday schedules (config/calendars/), for compiling schedules. */
  announced: readonly AnnouncedSchedule[];
  /** Signs each unit's submission links; without it, messages carry no link. */
  links?: LinkSigner;
  /**
   * The core's clock (plan time in a simulation): statuses are re-derived at this instant, the units answering with
   * the time of their last workflow task. @defaultValue the wall clock
   */
  now?: () => number;
  /** Unit status queries in flight at once: enough to be quick, few enough not to flood the worker. @defaultValue 16 */
  queryConcurrency?: number;
  /** How long one operation may wait for Temporal, ms: a missing worker must not hang its caller. @defaultValue 30 s */
  deadlineMs?: number;
  /** Told of each submission the workflow recorded (dondoc_submissions_total). */
  onSubmitted?: (receipt: SubmitReceipt) => void;
}

/** A cycle: the workflow `dondoc/<planId>/<year>`. */
export interface CycleId {
  planId: string;
  year: number;
}

/** One obligation of one unit in one cycle: what submit, extend, waive and resend act on. */
export interface ObligationTarget extends CycleId {
  unitId: string;
  obligationId: string;
}

/** Per call: a longer deadline for fan-outs over thousands of units; a request id for deliberate repeats. */
export interface CallOptions {
  deadlineMs?: number;
}

export interface CoreContext {
  deps: CycleCoreDeps;
  /** Runs `fn` with a deadline on every Temporal call inside it. */
  withDeadline<T>(fn: () => Promise<T>, options?: CallOptions): Promise<T>;
  cycleHandle(ref: CycleId): WorkflowHandle<typeof cycleWorkflow>;
  unitHandle(ref: CycleId, unitId: string): WorkflowHandle<typeof unitWorkflow>;
}

const DEFAULT_DEADLINE_MS = 30_000;

export function coreContext(deps: CycleCoreDeps): CoreContext {
  const { client } = deps;
  return {
    deps,
    withDeadline: (fn, options) =>
      client.withDeadline(Date.now() + (options?.deadlineMs ?? deps.deadlineMs ?? DEFAULT_DEADLINE_MS), fn),
    cycleHandle: (ref) => client.workflow.getHandle<typeof cycleWorkflow>(cycleWorkflowId(ref)),
    unitHandle: (ref, unitId) => client.workflow.getHandle<typeof unitWorkflow>(unitWorkflowId(ref, unitId)),
  };
}

export function cycleLabel(ref: CycleId): string {
  return `${ref.planId}/${ref.year}`;
}
