import { WorkflowNotFoundError } from '@temporalio/client';
import { WorkflowIdConflictPolicy } from '@temporalio/common';
import { unitWorkflowId } from '../domain/cycle/cycle-input';
import type { CycleRef } from '../domain/cycle/unit-input';
import { unitWorkflowInputs } from '../domain/cycle/unit-inputs';
import { parseLocalDate } from '../domain/local-date';
import type { ChannelAvailability } from '../domain/notifications/delivery-plan';
import { planCalendar } from '../domain/plan/plan-calendar';
import { compileSchedule } from '../domain/schedule/compile-schedule';
import { closeSignal } from '../workflows/unit-messages';
import type { unitWorkflow } from '../workflows/unit-workflow';
import type { CoreContext, CycleId } from './core-context';
import { mapLimit } from './map-limit';
import { unitStartAttributes } from './unit-start-attributes';

export interface StartUnitsInput {
  cycle: CycleRef;
  planSnapshot: string;
  unitIds: string[];
  channels: ChannelAvailability;
  clockShiftMs?: number;
  searchAttributes?: boolean;
}

/** How many workflow starts or signals a fan-out keeps in flight at once. */
const FANOUT_CONCURRENCY = 100;

/** The cycle workflow's fan-out over its unit workflows, run by its activities. */
export function unitFanout(ctx: CoreContext) {
  return {
    /**
     * Starts one batch of unit workflows under their business ids. USE_EXISTING makes a retried or repeated batch
     * harmless: a unit that is already running is left alone, never duplicated.
     */
    async startUnits(input: StartUnitsInput, onProgress?: (done: number) => void): Promise<{ ensured: number }> {
      const { deps } = ctx;
      const plan = await deps.plans.load(input.planSnapshot);
      const issuedOn = parseLocalDate(input.cycle.issuedOn) ?? 0;
      const wanted = new Set(input.unitIds);
      const scoped = { ...plan, units: plan.units.filter((u) => wanted.has(u.id) || u.id === plan.supervisor) };
      const calendar = planCalendar(plan, deps.announced);
      const schedule = compileSchedule(scoped, { year: input.cycle.year, issuedOn }, calendar);
      const links = deps.links;
      const inputs = unitWorkflowInputs(scoped, schedule, {
        channels: input.channels,
        ...(links && {
          submissionUrl: (unitId: string, obligationId: string) =>
            links.submissionUrl(input.cycle, unitId, obligationId),
        }),
        ...(input.searchAttributes === false && { searchAttributes: false }),
      }).filter((unit) => wanted.has(unit.unit.id));

      await mapLimit(
        inputs,
        FANOUT_CONCURRENCY,
        (unitInput) => {
          const args = {
            ...unitInput,
            cycle: input.cycle,
            notifyCycle: true,
            ...(input.clockShiftMs && { clockShiftMs: input.clockShiftMs }),
          };
          const attributes =
            input.searchAttributes !== false
              ? unitStartAttributes(args, Date.now() + (input.clockShiftMs ?? 0))
              : undefined;
          return ctx.deps.client.workflow.start<typeof unitWorkflow>('unitWorkflow', {
            workflowId: unitWorkflowId(input.cycle, unitInput.unit.id),
            taskQueue: deps.taskQueue,
            args: [{ ...args, ...(attributes && { searchAttributesAtStart: attributes.atStart }) }],
            ...(attributes && { typedSearchAttributes: attributes.pairs }),
            workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
          });
        },
        onProgress,
      );
      return { ensured: inputs.length };
    },

    /** Signals `close` to each unit workflow; one that is already gone is fine. Returns how many were open. */
    async closeUnits(cycle: CycleId, unitIds: readonly string[], onProgress?: (done: number) => void): Promise<number> {
      const closed = await mapLimit(
        unitIds,
        FANOUT_CONCURRENCY,
        async (unitId) => {
          try {
            await ctx.unitHandle(cycle, unitId).signal(closeSignal);
            return true;
          } catch (err) {
            if (!(err instanceof WorkflowNotFoundError)) throw err;
            return false;
          }
        },
        onProgress,
      );
      return closed.filter(Boolean).length;
    },
  };
}
