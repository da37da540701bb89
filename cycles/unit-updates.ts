import type { UpdateDefinition } from '@temporalio/client';
import { unitWorkflowId } from '../domain/cycle/cycle-input';
import type { ExtendInput, SubmitInput, SubmitReceipt, WaiveInput } from '../domain/cycle/unit-commands';
import type { ObligationStatus, UnitStatus } from '../domain/cycle/unit-status';
import { AppError } from '../domain/errors';
import type { StoredFile } from '../storage/file-store';
import { extendUpdate, resendReminderUpdate, submitUpdate, waiveUpdate } from '../workflows/unit-messages';
import { cycleLabel, type CallOptions, type CoreContext, type ObligationTarget } from './core-context';
import type { CycleReads } from './cycle-reads';
import { surelyNotApplied, temporalToAppError } from './temporal-errors';
import { updateIdOf } from './update-id';

export interface UnitUpdateOptions extends CallOptions {
  /**
   * Tells deliberate repeats apart: a web form carries one per rendering, an API client its Idempotency-Key. The
   * same request with the same request id (or none) is one Update, however often it is sent.
   */
  requestId?: string;
}

/** What a unit command acted on (as it was just before) and what the workflow answered. */
export interface UnitUpdateResult<R> {
  result: R;
  unit: UnitStatus;
  obligation: ObligationStatus;
}

export type SubmitRequest = Omit<SubmitInput, 'obligationId' | 'files'>;

/** Submit, extend, waive and resend: each checks that the unit and obligation exist and are open, then Updates. */
export function unitUpdates(ctx: CoreContext, reads: CycleReads) {
  async function run<Input extends { obligationId: string }, R>(
    target: ObligationTarget,
    update: UpdateDefinition<R, [Input]>,
    input: Input,
    options: UnitUpdateOptions | undefined,
    beforeUpdate?: (updateId: string) => Promise<void>,
  ): Promise<UnitUpdateResult<R>> {
    const subject = {
      label: `cycle ${cycleLabel(target)}, unit ${target.unitId}, obligation ${target.obligationId}`,
      vi: `đơn vị ${target.unitId} trong chu kỳ ${cycleLabel(target)}`,
    };
    return ctx.withDeadline(async () => {
      const { unit, obligation } = await reads.requireObligation(target, options);
      if (unit.closed) {
        throw new AppError(
          'CYCLE_CLOSED',
          `cycle ${cycleLabel(target)}: unit ${target.unitId} is closed (the cycle was closed, or the unit removed ` +
            'from it): it accepts nothing more',
          { userMessage: 'Chu kỳ này đã kết thúc: hệ thống không nhận thêm văn bản. Xin liên hệ Phòng Nội vụ.' },
        );
      }
      const updateId = updateIdOf(unitWorkflowId(target, target.unitId), update.name, input, options?.requestId);
      await beforeUpdate?.(updateId);
      try {
        const result = await ctx.unitHandle(target, target.unitId).executeUpdate(update, { args: [input], updateId });
        return { result, unit, obligation };
      } catch (err) {
        throw temporalToAppError(err, subject);
      }
    }, options);
  }

  return {
    /**
     * Records a submission. Files are stored by the caller first (a CLI path or a web upload); their records are
     * written before the workflow is asked, and removed again only when the workflow surely did not take the
     * submission (after a timeout they stay: it may be recorded). Blobs themselves are never deleted here.
     */
    async submit(
      target: ObligationTarget,
      request: SubmitRequest,
      options?: UnitUpdateOptions & { files?: readonly StoredFile[] },
    ): Promise<UnitUpdateResult<SubmitReceipt>> {
      const files = (options?.files ?? []).map((file) => file.ref);
      const input: SubmitInput = {
        ...request,
        obligationId: target.obligationId,
        ...(files.length > 0 && { files }),
      };
      let recorded: number[] = [];
      const recordFiles = async (submissionId: string) => {
        recorded = await ctx.deps.files.record({
          cycleId: cycleLabel(target),
          unitId: target.unitId,
          obligationId: target.obligationId,
          submissionId,
          tokenId: request.tokenId ?? null, // the API token that submitted, beside its files
          files,
        });
      };
      try {
        const submitted = await run(target, submitUpdate, input, options, recordFiles);
        ctx.deps.onSubmitted?.(submitted.result);
        return submitted;
      } catch (err) {
        // A record left behind only keeps a blob from the sweep: never worth hiding the refusal for.
        if (notApplied(err)) await ctx.deps.files.unrecord(recorded).catch(() => undefined);
        throw err;
      }
    },

    extend(target: ObligationTarget, request: Omit<ExtendInput, 'obligationId'>, options?: UnitUpdateOptions) {
      return run(target, extendUpdate, { ...request, obligationId: target.obligationId }, options);
    },

    waive(target: ObligationTarget, request: Omit<WaiveInput, 'obligationId'>, options?: UnitUpdateOptions) {
      return run(target, waiveUpdate, { ...request, obligationId: target.obligationId }, options);
    },

    /** A reminder to the unit now, outside the schedule (Phòng Nội vụ's button). */
    resend(target: ObligationTarget, request: { by?: string }, options?: UnitUpdateOptions) {
      return run(target, resendReminderUpdate, { ...request, obligationId: target.obligationId }, options);
    },
  };
}

/** Refused before or by the workflow: nothing was recorded. A timeout is not that. */
function notApplied(err: unknown): boolean {
  if (!(err instanceof AppError)) return false;
  return err.code === 'CYCLE_CLOSED' || err.code === 'CYCLE_NOT_FOUND' || surelyNotApplied(err);
}
