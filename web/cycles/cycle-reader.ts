import type { Client } from '@temporalio/client';
import type { PlanStore } from '../../storage/plan-store';
import { cycleWorkflowId, unitWorkflowId } from '../../domain/cycle/cycle-input';
import type { UnitStatus } from '../../domain/cycle/unit-status';
import type { Plan } from '../../domain/plan/plan-schema';
import { getCycleStatusQuery, type CycleStatus } from '../../workflows/cycle-messages';
import { getStatusQuery } from '../../workflows/unit-messages';
import { HttpError } from '../http-error';
import { webTemporalError } from '../temporal/web-temporal-error';
import { mapLimit } from './map-limit';

export interface CycleRef {
  planId: string;
  year: number;
}

export interface CycleView extends CycleRef {
  status: CycleStatus;
  plan: Plan;
}

export interface CycleSummary extends CycleRef {
  running: boolean;
  startedAt?: string;
}

export interface CycleReaderOptions {
  withTemporal<T>(fn: (client: Client) => Promise<T>): Promise<T>;
  plans: PlanStore;
  concurrency: number;
  cacheMs: number;
}

/**
 * Reads cycles and unit statuses for the dashboard. One unit is one workflow query, so pages ask only for the units
 * they show, at most `concurrency` at a time, and reuse an answer for `cacheMs` (dropped when the web changes it).
 */
export class CycleReader {
  private readonly cache = new Map<string, { at: number; status: UnitStatus }>();

  constructor(private readonly options: CycleReaderOptions) {}

  /** Cycle workflows known to Temporal's visibility (`dondoc/<plan>/<year>`), newest first. */
  async list(limit = 200): Promise<CycleSummary[]> {
    return this.options.withTemporal(async (client) => {
      const found: CycleSummary[] = [];
      for await (const info of client.workflow.list({ query: "WorkflowType = 'cycleWorkflow'" })) {
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
    });
  }

  async cycle(ref: CycleRef): Promise<CycleView> {
    const status = await this.options
      .withTemporal((client) => client.workflow.getHandle(cycleWorkflowId(ref)).query(getCycleStatusQuery))
      .catch((err: unknown) => {
        throw webTemporalError(err, `chu kỳ ${ref.planId}/${ref.year}`);
      });
    return { ...ref, status, plan: await this.options.plans.load(status.planSnapshot) };
  }

  /** One unit, fresh from its workflow. */
  async unit(ref: CycleRef, unitId: string): Promise<UnitStatus> {
    const id = unitWorkflowId(ref, unitId);
    const status = await this.options
      .withTemporal((client) => client.workflow.getHandle(id).query(getStatusQuery))
      .catch((err: unknown) => {
        throw webTemporalError(err, `đơn vị ${unitId} trong chu kỳ ${ref.planId}/${ref.year}`);
      });
    this.cache.set(id, { at: Date.now(), status });
    return status;
  }

  /** Several units, cached answers reused; a unit whose workflow cannot answer is left out. */
  async units(ref: CycleRef, unitIds: readonly string[]): Promise<Map<string, UnitStatus>> {
    const now = Date.now();
    const answers = await mapLimit(unitIds, this.options.concurrency, async (unitId) => {
      const cached = this.cache.get(unitWorkflowId(ref, unitId));
      if (cached && now - cached.at < this.options.cacheMs) return [unitId, cached.status] as const;
      const status = await this.unit(ref, unitId).catch((err: unknown) => {
        if (err instanceof HttpError && err.statusCode === 404) return undefined;
        throw err; // Temporal down: the page says so rather than showing every unit as unknown
      });
      return [unitId, status] as const;
    });
    return new Map(answers.filter((entry): entry is readonly [string, UnitStatus] => entry[1] !== undefined));
  }

  /** After the web changed a unit: its next read goes to the workflow. */
  forget(ref: CycleRef, unitId: string): void {
    this.cache.delete(unitWorkflowId(ref, unitId));
  }
}
