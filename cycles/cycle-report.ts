import type { UnitStatus } from '../domain/cycle/unit-status';
import { workingDaysOn } from '../domain/dispatch/enrich-items';
import { AppError } from '../domain/errors';
import { planCalendar } from '../domain/plan/plan-calendar';
import type { Plan } from '../domain/plan/plan-schema';
import { toPlanIso } from '../domain/plan-time';
import { consolidateReport, type ComparisonSource } from '../domain/report/consolidate-report';
import type { ConsolidatedReport, ReportField, ReportUnitLine } from '../domain/report/consolidated-report';
import { previousPeriodOf } from '../domain/report/previous-period';
import { reportLinesOf } from '../domain/report/report-lines';
import { parseStoredReport } from '../domain/report/stored-report';
import { cycleLabel, type CoreContext, type CycleId } from './core-context';
import type { CycleReads, StatusReadOptions } from './cycle-reads';

export interface ReportRequest extends CycleId {
  obligationId: string;
  /** The report's instant (ISO); statuses are read now. @defaultValue the core's clock */
  at?: string;
  /** The re-aggregation once the last outstanding unit is in. @defaultValue false */
  final?: boolean;
  /** Known to the cycle's own activity: spares a query of the cycle workflow. */
  planSnapshot?: string;
  unitIds?: readonly string[];
}

/** The consolidated report of one obligation: the aggregation's, the CLI's and the dashboard's, all the same. */
export function cycleReport(ctx: CoreContext, reads: CycleReads) {
  const clock = ctx.deps.now ?? Date.now;

  async function lastYearSource(
    ref: CycleId,
    obligationId: string,
    current: readonly ReportField[],
  ): Promise<ComparisonSource | undefined> {
    const previous = { planId: ref.planId, year: ref.year - 1 };
    const records = await ctx.deps.reports.list(cycleLabel(previous));
    // Newest first: the final re-aggregation when there was one, else the aggregation.
    const record = records.find((r) => r.name.startsWith(`${obligationId}-`) && r.name.endsWith('.json'));
    const opened = record && (await ctx.deps.reports.open(cycleLabel(previous), record.name));
    if (!opened) return undefined;
    const chunks: Buffer[] = [];
    for await (const chunk of opened.content) chunks.push(Buffer.from(chunk as Uint8Array));
    const stored = parseStoredReport(
      Buffer.concat(chunks).toString('utf8'),
      (key) => current.find((f) => f.key === key)?.type,
    );
    return (
      stored && {
        basis: 'previous-year',
        against: { ...previous, obligationId, obligationTitle: stored.obligationTitle },
        fields: stored.fields,
        lines: stored.lines,
      }
    );
  }

  return {
    consolidatedReport: async (request: ReportRequest, options?: StatusReadOptions): Promise<ConsolidatedReport> => {
      const { obligationId } = request;
      const cycle = { planId: request.planId, year: request.year };
      const known =
        request.planSnapshot && request.unitIds
          ? { planSnapshot: request.planSnapshot, unitIds: request.unitIds }
          : await reads.cycleStatus(cycle, options);
      const plan = await reads.plan(known.planSnapshot);
      const obligation = plan.obligations.find((o) => o.id === obligationId);
      if (!obligation) {
        throw new AppError(
          'CYCLE_NOT_FOUND',
          `cycle ${cycleLabel(cycle)} has no obligation ${obligationId} ` +
            `(its obligations: ${plan.obligations.map((o) => o.id).join(', ')})`,
          { userMessage: `Kế hoạch không có nhiệm vụ «${obligationId}».` },
        );
      }
      const statuses = [...(await reads.unitStatuses(cycle, known.unitIds, options)).values()];
      const atMs = request.at ? Date.parse(request.at) : clock();
      const daysLeft = workingDaysOn(planCalendar(plan, ctx.deps.announced));
      const linesOf = (id: string): ReportUnitLine[] =>
        reportLinesOf(statuses, id, {
          atMs,
          workingDaysLate: (due, at) => -daysLeft(due, at),
          kindOf: (unitId) => plan.units.find((u) => u.id === unitId)?.kind,
        });

      const reported = plan.obligations.flatMap((o) => {
        const nominalDueDate = nominalDueDateOf(statuses, o.id);
        return nominalDueDate ? [{ id: o.id, nominalDueDate, fields: fieldsOf(plan, o.form) }] : [];
      });
      const previousPeriod = previousPeriodOf(reported, obligationId);
      const fields = fieldsOf(plan, obligation.form);
      const lastYear = await lastYearSource(cycle, obligationId, fields);
      const comparisons: ComparisonSource[] = [
        ...(previousPeriod
          ? [
              {
                basis: 'previous-period' as const,
                against: {
                  ...cycle,
                  obligationId: previousPeriod.id,
                  obligationTitle: plan.obligations.find((o) => o.id === previousPeriod.id)?.title ?? previousPeriod.id,
                },
                fields: previousPeriod.fields,
                lines: linesOf(previousPeriod.id),
              },
            ]
          : []),
        ...(lastYear ? [lastYear] : []),
      ];

      const supervisor = plan.units.find((u) => u.id === plan.supervisor);
      return consolidateReport({
        cycle,
        plan: {
          id: plan.id,
          title: plan.title,
          ...(plan.reference && { reference: plan.reference }),
          issuer: plan.issuer,
          place: plan.place ?? '',
        },
        supervisor: {
          id: plan.supervisor,
          name: supervisor?.name ?? plan.supervisor,
          ...(supervisor && { head: { name: supervisor.head.name, title: supervisor.head.title ?? '' } }),
        },
        leadership: plan.leadership.map((p) => ({ name: p.name, title: p.title ?? '' })),
        obligation: {
          id: obligation.id,
          title: obligation.title,
          nominalDueDate: nominalDueDateOf(statuses, obligationId) ?? '',
        },
        at: request.at ?? toPlanIso(atMs),
        final: request.final ?? false,
        fields,
        units: linesOf(obligationId),
        comparisons,
      });
    },
  };
}

function fieldsOf(plan: Plan, formId: string | undefined): ReportField[] {
  const form = formId ? plan.forms[formId] : undefined;
  return (form?.fields ?? []).map((f) => ({ key: f.key, label: f.label, type: f.type }));
}

function nominalDueDateOf(statuses: readonly UnitStatus[], obligationId: string): string | undefined {
  for (const status of statuses) {
    const found = status.obligations.find((o) => o.id === obligationId);
    if (found) return found.nominalDueDate;
  }
  return undefined;
}
