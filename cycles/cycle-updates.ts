import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { cycleWorkflowId } from '../domain/cycle/cycle-input';
import { AppError, isAppError } from '../domain/errors';
import {
  amendUpdate,
  closeCycleUpdate,
  getCycleStatusQuery,
  type AmendInput,
  type CycleStatus,
} from '../workflows/cycle-messages';
import type { cycleWorkflow } from '../workflows/cycle-workflow';
import { cycleLabel, type CallOptions, type CoreContext, type CycleId } from './core-context';
import { cycleSubject, type CycleReads } from './cycle-reads';
import { prepareCycle, snapshotAmendedPlan, type PrepareCycleOptions, type PreparedCycle } from './prepare-cycle';
import { temporalToAppError } from './temporal-errors';
import { updateIdOf } from './update-id';

export interface AmendRequest {
  /** The edited plan file: validated against the cycle, then stored as its new snapshot. */
  planFile?: string;
  add?: string[];
  remove?: string[];
}

/** Starting, amending and closing a cycle. */
export function cycleUpdates(ctx: CoreContext, reads: CycleReads) {
  return {
    /** Validates and compiles the plan and snapshots it (unless `dryRun`): a preview of what `start` starts. */
    prepare(options: PrepareCycleOptions): Promise<PreparedCycle> {
      return prepareCycle(ctx.deps, options);
    },

    /** Starts `dondoc/<planId>/<year>`; a cycle that is already running is an error, never a duplicate. */
    async start(prepared: PreparedCycle, options?: CallOptions): Promise<{ workflowId: string }> {
      const workflowId = cycleWorkflowId(prepared.input.cycle);
      const subject = cycleSubject(prepared.input.cycle);
      try {
        await ctx.withDeadline(
          () =>
            ctx.deps.client.workflow.start<typeof cycleWorkflow>('cycleWorkflow', {
              workflowId,
              taskQueue: ctx.deps.taskQueue,
              args: [prepared.input],
            }),
          options,
        );
        return { workflowId };
      } catch (err) {
        if (err instanceof WorkflowExecutionAlreadyStartedError) {
          throw new AppError(
            'CYCLE_EXISTS',
            `Cycle ${cycleLabel(prepared.input.cycle)} has already been started (${workflowId}).`,
            { cause: err, userMessage: `Chu kỳ ${cycleLabel(prepared.input.cycle)} đã được khởi tạo từ trước.` },
          );
        }
        throw temporalToAppError(err, subject);
      }
    },

    /** Adds units (started at once), removes units (their workflows are closed), or moves to an edited plan. */
    async amend(
      ref: CycleId,
      request: AmendRequest,
      options?: CallOptions & { requestId?: string },
    ): Promise<{ status: CycleStatus; amend: AmendInput }> {
      if (!request.planFile && !request.add && !request.remove) {
        throw new AppError('USAGE', 'cycle amend: nothing to change; give --plan, --add or --remove');
      }
      if (request.add && !request.planFile) {
        throw new AppError('USAGE', '--add needs --plan <plan.yaml>: the edited plan that lists the new units');
      }
      const amend: AmendInput = {
        ...(request.planFile && {
          planSnapshot: await snapshotAmendedPlan(
            ctx.deps.plans,
            request.planFile,
            { planId: ref.planId, label: cycleLabel(ref) },
            request.add ?? [],
          ),
        }),
        ...(request.add && { add: request.add }),
        ...(request.remove && { remove: request.remove }),
      };
      const updateId = updateIdOf(cycleWorkflowId(ref), amendUpdate.name, amend, options?.requestId);
      const status = await ctx.withDeadline(async () => {
        try {
          return await ctx.cycleHandle(ref).executeUpdate(amendUpdate, { args: [amend], updateId });
        } catch (err) {
          throw await reads.cycleFailure(ref, err);
        }
      }, options);
      return { status, amend };
    },

    /** Closes the cycle and every unit workflow in it; a cycle closed before answers its final status. */
    async close(ref: CycleId, options?: CallOptions): Promise<{ status: CycleStatus; already: boolean }> {
      return ctx.withDeadline(async () => {
        const handle = ctx.cycleHandle(ref);
        try {
          // A closed cycle's workflow runs on for a moment after its close: the Update would answer as if it closed it.
          const before = await handle.query(getCycleStatusQuery);
          if (before.closed) return { status: before, already: true };
          return { status: await handle.executeUpdate(closeCycleUpdate), already: false };
        } catch (err) {
          // A closed cycle's workflow has completed: Updates find nothing, but its result is the final status.
          const failure = await reads.cycleFailure(ref, err);
          if (!(isAppError(failure) && failure.code === 'CYCLE_CLOSED')) throw failure;
          const status = await handle.result().catch(() => {
            throw failure;
          });
          return { status, already: true };
        }
      }, options);
    },
  };
}
