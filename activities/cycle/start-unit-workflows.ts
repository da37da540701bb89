import { WorkflowIdConflictPolicy } from '@temporalio/common';
import { unitWorkflowId } from '../../domain/cycle/cycle-input';
import type { CycleRef } from '../../domain/cycle/unit-input';
import { unitWorkflowInputs } from '../../domain/cycle/unit-inputs';
import { parseLocalDate } from '../../domain/local-date';
import type { ChannelAvailability } from '../../domain/notifications/delivery-plan';
import { planCalendar } from '../../domain/plan/plan-calendar';
import { compileSchedule } from '../../domain/schedule/compile-schedule';
import { linkExpiry, submissionUrl } from '../../links/link-secret';
import { createSubmissionToken } from '../../links/submission-token';
import type { unitWorkflow } from '../../workflows/unit-workflow';
import type { CycleDeps } from './cycle-deps';
import { inBatches } from './in-batches';

export interface StartUnitWorkflowsInput {
  cycle: CycleRef;
  planSnapshot: string;
  unitIds: string[];
  channels: ChannelAvailability;
  clockShiftMs?: number;
  searchAttributes?: boolean;
}

/**
 * Starts one batch of unit workflows under their business ids. USE_EXISTING makes a retried or repeated batch
 * harmless: a unit that is already running is left alone, never duplicated.
 */
export function startUnitWorkflows(deps: CycleDeps) {
  return async (input: StartUnitWorkflowsInput): Promise<{ ensured: number }> => {
    const plan = await deps.plans.load(input.planSnapshot);
    const issuedOn = parseLocalDate(input.cycle.issuedOn) ?? 0;
    const wanted = new Set(input.unitIds);
    const scoped = { ...plan, units: plan.units.filter((u) => wanted.has(u.id) || u.id === plan.supervisor) };
    const schedule = compileSchedule(scoped, { year: input.cycle.year, issuedOn }, planCalendar(plan, deps.announced));
    const links = deps.links;
    const inputs = unitWorkflowInputs(scoped, schedule, {
      channels: input.channels,
      ...(links && {
        submissionUrl: (unitId: string, obligationId: string) =>
          submissionUrl(
            links.publicBaseUrl,
            createSubmissionToken(links.secret, {
              planId: input.cycle.planId,
              year: input.cycle.year,
              unitId,
              obligationId,
              exp: linkExpiry(input.cycle.year),
            }),
          ),
      }),
      ...(input.searchAttributes === false && { searchAttributes: false }),
    }).filter((unit) => wanted.has(unit.unit.id));

    await inBatches(inputs, (unitInput) =>
      deps.client.workflow.start<typeof unitWorkflow>('unitWorkflow', {
        workflowId: unitWorkflowId(input.cycle, unitInput.unit.id),
        taskQueue: deps.taskQueue,
        args: [
          {
            ...unitInput,
            cycle: input.cycle,
            notifyCycle: true,
            ...(input.clockShiftMs && { clockShiftMs: input.clockShiftMs }),
          },
        ],
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      }),
    );
    return { ensured: inputs.length };
  };
}
