import { readFile } from 'node:fs/promises';
import { WorkflowExecutionAlreadyStartedError, type Client, type WorkflowHandle } from '@temporalio/client';
import type { PlanStore } from '../storage/plan-store';
import { parsePlanText } from '../config/plan-loader';
import type { AnnouncedSchedule } from '../domain/calendar';
import { cycleWorkflowId, type CycleWorkflowInput } from '../domain/cycle/cycle-input';
import { cycleWorkflowInput } from '../domain/cycle/cycle-workflow-input';
import { AppError } from '../domain/errors';
import type { DayNumber } from '../domain/local-date';
import type { ChannelAvailability } from '../domain/notifications/delivery-plan';
import { planCalendar } from '../domain/plan/plan-calendar';
import type { Plan } from '../domain/plan/plan-schema';
import { compileSchedule } from '../domain/schedule/compile-schedule';
import { resolveCycle } from '../domain/schedule/cycle';
import type { CycleSchedule } from '../domain/schedule/schedule-types';
import type { cycleWorkflow } from '../workflows/cycle-workflow';

export interface PrepareCycleOptions {
  planFile: string;
  year: number;
  issuedOn?: DayNumber;
  plans: PlanStore;
  announced: readonly AnnouncedSchedule[];
  channels: ChannelAvailability;
  clockShiftMs?: number;
  searchAttributes?: boolean;
}

export interface PreparedCycle {
  plan: Plan;
  schedule: CycleSchedule;
  input: CycleWorkflowInput;
}

/** Reads and validates the plan, snapshots it, and compiles the cycle: all the work before anything starts. */
export async function prepareCycle(options: PrepareCycleOptions): Promise<PreparedCycle> {
  const text = await readFile(options.planFile, 'utf8').catch(() => {
    throw new AppError('FILE_NOT_FOUND', `${options.planFile}: no such file`);
  });
  const plan = parsePlanText(text, options.planFile);
  const cycle = resolveCycle(plan, options.year, options.issuedOn);
  if (typeof cycle === 'string') throw new AppError('USAGE', `--issued-on: ${cycle}`);
  const calendar = planCalendar(plan, options.announced);
  const schedule = compileSchedule(plan, cycle, calendar);
  const planSnapshot = await options.plans.save(text);
  const input = cycleWorkflowInput(plan, schedule, calendar, {
    planSnapshot,
    channels: options.channels,
    ...(options.clockShiftMs && { clockShiftMs: options.clockShiftMs }),
    ...(options.searchAttributes === false && { searchAttributes: false }),
  });
  return { plan, schedule, input };
}

/** Starts `dondoc/<planId>/<year>`; a cycle that is already running is an error, never a duplicate. */
export async function startCycle(
  client: Client,
  taskQueue: string,
  input: CycleWorkflowInput,
): Promise<WorkflowHandle<typeof cycleWorkflow>> {
  const workflowId = cycleWorkflowId(input.cycle);
  try {
    return await client.workflow.start<typeof cycleWorkflow>('cycleWorkflow', { workflowId, taskQueue, args: [input] });
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) {
      throw new AppError(
        'CYCLE_EXISTS',
        `Cycle ${input.cycle.planId}/${input.cycle.year} has already been started (${workflowId}).`,
      );
    }
    throw err;
  }
}
