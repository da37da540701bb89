import { readFile } from 'node:fs/promises';
import { parsePlanText } from '../config/plan-loader';
import type { AnnouncedSchedule } from '../domain/calendar';
import type { CycleWorkflowInput } from '../domain/cycle/cycle-input';
import { cycleWorkflowInput } from '../domain/cycle/cycle-workflow-input';
import type { CatchUpMode } from '../domain/dispatch/due-items';
import { AppError } from '../domain/errors';
import type { DayNumber } from '../domain/local-date';
import type { ChannelAvailability } from '../domain/notifications/delivery-plan';
import { planCalendar } from '../domain/plan/plan-calendar';
import type { Plan } from '../domain/plan/plan-schema';
import { unitsOfObligation } from '../domain/plan/units-of-obligation';
import { compileSchedule } from '../domain/schedule/compile-schedule';
import { resolveCycle } from '../domain/schedule/cycle';
import type { CycleSchedule } from '../domain/schedule/schedule-types';
import { planSnapshotId, type PlanStore } from '../storage/plan-store';

export interface PrepareCycleOptions {
  planFile: string;
  year: number;
  issuedOn?: DayNumber;
  /** ZNS and OA: on unless told otherwise. */
  channels?: ChannelAvailability;
  clockShiftMs?: number;
  searchAttributes?: boolean;
  /** What a late start sends about the past (CycleWorkflowInput.catchUp). */
  catchUp?: CatchUpMode;
}

export interface PreparedCycle {
  plan: Plan;
  schedule: CycleSchedule;
  input: CycleWorkflowInput;
}

/**
 * Reads and validates the plan, snapshots it, and compiles the cycle: all the work before anything starts. Without a
 * plan store it stores nothing and computes the snapshot id the store would give (`cycle start --dry-run`).
 */
export async function prepareCycle(
  deps: { plans?: PlanStore; announced: readonly AnnouncedSchedule[] },
  options: PrepareCycleOptions,
): Promise<PreparedCycle> {
  const text = await readFile(options.planFile, 'utf8').catch(() => {
    throw new AppError('FILE_NOT_FOUND', `${options.planFile}: no such file`);
  });
  const plan = parsePlanText(text, options.planFile);
  const cycle = resolveCycle(plan, options.year, options.issuedOn);
  if (typeof cycle === 'string') throw new AppError('USAGE', `--issued-on: ${cycle}`);
  const calendar = planCalendar(plan, deps.announced);
  const schedule = compileSchedule(plan, cycle, calendar);
  const planSnapshot = deps.plans ? await deps.plans.save(text, plan) : planSnapshotId(text);
  const input = cycleWorkflowInput(plan, schedule, calendar, {
    planSnapshot,
    channels: options.channels ?? { zns: true, oa: true },
    ...(options.clockShiftMs && { clockShiftMs: options.clockShiftMs }),
    ...(options.searchAttributes === false && { searchAttributes: false }),
    ...(options.catchUp && { catchUp: options.catchUp }),
  });
  return { plan, schedule, input };
}

/** Reads and validates an edited plan for an amendment, checks it against the cycle, and stores it. */
export async function snapshotAmendedPlan(
  plans: PlanStore,
  file: string,
  cycle: { planId: string; label: string },
  added: readonly string[],
): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new AppError('FILE_NOT_FOUND', `--plan ${file}: no such file`);
  });
  const plan = parsePlanText(text, file);
  if (plan.id !== cycle.planId) {
    throw new AppError('USAGE', `--plan ${file}: its id is ${plan.id}, but the cycle is ${cycle.label}`);
  }
  for (const id of added) {
    if (!plan.units.some((unit) => unit.id === id))
      throw new AppError('USAGE', `--add ${id}: ${file} has no unit ${id}`);
    if (!plan.obligations.some((o) => unitsOfObligation(plan, o).some((unit) => unit.id === id))) {
      throw new AppError('USAGE', `--add ${id}: no obligation of ${file} applies to this unit`);
    }
  }
  return plans.save(text, plan);
}
