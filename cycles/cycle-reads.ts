import { WorkflowNotFoundError } from '@temporalio/client';
import { statusAt, type ObligationStatus, type UnitStatus } from '../domain/cycle/unit-status';
import { AppError } from '../domain/errors';
import type { Plan } from '../domain/plan/plan-schema';
import { getCycleStatusQuery, type CycleStatus } from '../workflows/cycle-messages';
import { getStatusQuery } from '../workflows/unit-messages';
import { cycleLabel, type CallOptions, type CoreContext, type CycleId, type ObligationTarget } from './core-context';
import { mapLimit } from './map-limit';
import { temporalToAppError } from './temporal-errors';

export interface CycleSummary extends CycleId {
  running: boolean;
  startedAt?: string;
}

export interface StatusReadOptions extends CallOptions {
  /** Told how many units have answered so far (the cycle activities heartbeat with it). */
  onProgress?: (done: number) => void;
}

const DEFAULT_QUERY_CONCURRENCY = 64;

/** Every read of cycles and unit statuses, with errors that say which cycle or unit does not exist. */
export function cycleReads(ctx: CoreContext) {
  const clock = ctx.deps.now ?? Date.now;
  const concurrency = ctx.deps.queryConcurrency ?? DEFAULT_QUERY_CONCURRENCY;

  async function cycleState(ref: CycleId): Promise<'running' | 'closed' | 'missing'> {
    try {
      const described = await ctx.cycleHandle(ref).describe();
      return described.status.name === 'RUNNING' ? 'running' : 'closed';
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return 'missing';
      throw temporalToAppError(err, cycleSubject(ref));
    }
  }

  /**
   * For a cycle-level call that failed: an unknown cycle says how to start one, and a closed one (its workflow has
   * completed, so Updates no longer find it) says so.
   */
  async function cycleFailure(ref: CycleId, err: unknown): Promise<unknown> {
    if (err instanceof WorkflowNotFoundError) {
      const state = await cycleState(ref);
      if (state === 'missing') return cycleNotFound(ref, err);
      if (state === 'closed') return cycleClosed(ref, err);
    }
    return temporalToAppError(err, cycleSubject(ref));
  }

  /** The unit's status, fresh from its workflow; an unknown cycle and an unknown unit are told apart. */
  async function unitStatusNow(ref: CycleId, unitId: string): Promise<UnitStatus> {
    try {
      return statusAt(await ctx.unitHandle(ref, unitId).query(getStatusQuery), clock());
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) {
        if ((await cycleState(ref)) === 'missing') throw cycleNotFound(ref, err);
        throw new AppError('CYCLE_NOT_FOUND', `cycle ${cycleLabel(ref)}: unit ${unitId} is not part of this cycle`, {
          cause: err,
          userMessage: `Không tìm thấy đơn vị ${unitId} trong chu kỳ ${cycleLabel(ref)}.`,
        });
      }
      throw temporalToAppError(err, unitSubject(ref, unitId));
    }
  }

  return {
    /** Cycle workflows known to Temporal's visibility (`dondoc/<plan>/<year>`), newest first. */
    listCycles: (limit = 200, options?: CallOptions): Promise<CycleSummary[]> => {
      return ctx
        .withDeadline(async () => {
          const found: CycleSummary[] = [];
          for await (const info of ctx.deps.client.workflow.list({ query: "WorkflowType = 'cycleWorkflow'" })) {
            const match = /^dondoc\/([^/]+)\/(\d{4})$/.exec(info.workflowId);
            if (!match) continue;
            found.push({
              planId: match[1] ?? '',
              year: Number(match[2]),
              running: info.status.name === 'RUNNING',
              startedAt: info.startTime.toISOString(),
            });
            if (found.length >= limit) break;
          }
          return found;
        }, options)
        .catch((err: unknown) => {
          throw temporalToAppError(err, { label: 'cycle list', vi: 'danh sách chu kỳ' });
        });
    },

    cycleStatus: (ref: CycleId, options?: CallOptions): Promise<CycleStatus> => {
      return ctx.withDeadline(async () => {
        try {
          return await ctx.cycleHandle(ref).query(getCycleStatusQuery);
        } catch (err) {
          throw await cycleFailure(ref, err);
        }
      }, options);
    },

    /** The plan a cycle runs on, from its snapshot (cached by the store). */
    plan: (snapshotId: string): Promise<Plan> => {
      return ctx.deps.plans.load(snapshotId);
    },

    unitStatus: (ref: CycleId, unitId: string, options?: CallOptions): Promise<UnitStatus> => {
      return ctx.withDeadline(() => unitStatusNow(ref, unitId), options);
    },

    /**
     * Several units' statuses, `queryConcurrency` at a time, in the order asked; a unit whose workflow is not there
     * (not started yet, or removed by an amendment) is left out. Temporal being down fails the whole read.
     */
    unitStatuses: (
      ref: CycleId,
      unitIds: readonly string[],
      options?: StatusReadOptions,
    ): Promise<Map<string, UnitStatus>> => {
      return ctx.withDeadline(async () => {
        const answers = await mapLimit(
          unitIds,
          concurrency,
          async (unitId) => {
            try {
              return [unitId, statusAt(await ctx.unitHandle(ref, unitId).query(getStatusQuery), clock())] as const;
            } catch (err) {
              if (err instanceof WorkflowNotFoundError) return [unitId, undefined] as const;
              throw temporalToAppError(err, unitSubject(ref, unitId));
            }
          },
          options?.onProgress,
        );
        return new Map(answers.filter((entry): entry is readonly [string, UnitStatus] => entry[1] !== undefined));
      }, options);
    },

    /** How many events each unit workflow's current run has (`simulate` reports the busiest). */
    historyLengths: (ref: CycleId, unitIds: readonly string[], options?: CallOptions): Promise<Map<string, number>> => {
      return ctx.withDeadline(async () => {
        const lengths = await mapLimit(unitIds, concurrency, async (unitId) => {
          const described = await ctx.unitHandle(ref, unitId).describe();
          return [unitId, described.historyLength] as const;
        });
        return new Map(lengths);
      }, options);
    },

    /** The unit's status and one of its obligations, or CYCLE_NOT_FOUND naming what does not exist. */
    requireObligation: async (
      target: ObligationTarget,
      options?: CallOptions,
    ): Promise<{ unit: UnitStatus; obligation: ObligationStatus }> => {
      const unit = await ctx.withDeadline(() => unitStatusNow(target, target.unitId), options);
      const obligation = unit.obligations.find((o) => o.id === target.obligationId);
      if (!obligation) {
        throw new AppError(
          'CYCLE_NOT_FOUND',
          `cycle ${cycleLabel(target)}: unit ${target.unitId} has no obligation ${target.obligationId} ` +
            `(its obligations: ${unit.obligations.map((o) => o.id).join(', ')})`,
          { userMessage: 'Đơn vị không còn nhiệm vụ này trong kế hoạch. Vui lòng liên hệ Phòng Nội vụ.' },
        );
      }
      return { unit, obligation };
    },

    cycleFailure,
  };
}

export type CycleReads = ReturnType<typeof cycleReads>;

export function cycleSubject(ref: CycleId): { label: string; vi: string } {
  return { label: `cycle ${cycleLabel(ref)}`, vi: `chu kỳ ${cycleLabel(ref)}` };
}

export function unitSubject(ref: CycleId, unitId: string): { label: string; vi: string } {
  return {
    label: `cycle ${cycleLabel(ref)}, unit ${unitId}`,
    vi: `đơn vị ${unitId} trong chu kỳ ${cycleLabel(ref)}`,
  };
}

function cycleNotFound(ref: CycleId, cause: unknown): AppError {
  return new AppError(
    'CYCLE_NOT_FOUND',
    `cycle ${cycleLabel(ref)} not found: start it with \`dondoc cycle start <plan.yaml> --year ${ref.year}\``,
    { cause, userMessage: `Không tìm thấy chu kỳ ${cycleLabel(ref)}.` },
  );
}

export function cycleClosed(ref: CycleId, cause?: unknown): AppError {
  return new AppError('CYCLE_CLOSED', `cycle ${cycleLabel(ref)} is closed: it accepts no more changes`, {
    cause,
    userMessage: 'Chu kỳ này đã kết thúc: hệ thống không nhận thêm văn bản. Xin liên hệ Phòng Nội vụ.',
  });
}
