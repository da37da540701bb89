import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { log } from '@temporalio/activity';
import writeFileAtomic from 'write-file-atomic';
import type { AggregationSummary } from '../../domain/cycle/cycle-input';
import type { CycleRef } from '../../domain/cycle/unit-input';
import type { ObligationStateName } from '../../domain/cycle/unit-status';
import { notificationKey, sendKey } from '../../domain/notifications/idempotency-key';
import type { Contact, PlanRef, ReportNotification, ReportRow } from '../../domain/notifications/notification';
import { planMinuteStamp } from '../../domain/plan-time';
import type { ConsolidatedReport } from '../../domain/report/consolidated-report';
import { REPORT_FILE_FORMATS, renderReport, type RenderedReport } from '../../reports/report-formats';
import { sendEmailNotification } from '../notify/send-email';
import { progressHeartbeat } from '../progress-heartbeat';
import type { CycleDeps } from './cycle-deps';
import { FANOUT_DEADLINE_MS } from './fetch-statuses';

export interface AggregateObligationInput {
  cycle: CycleRef;
  plan: PlanRef;
  planSnapshot: string;
  supervisor: { name: string; contacts: Contact[] };
  obligationId: string;
  /** The aggregation instant (plan time). */
  at: string;
  unitIds: string[];
  /** The re-aggregation once the last outstanding unit is in. */
  final: boolean;
  /** Mail the report to the supervisor (not for an instant that had passed before a late start). @defaultValue true */
  mail?: boolean;
}

/**
 * Consolidates one obligation's reports (the core's `consolidatedReport`), writes every form of it (DOCX draft, CSV,
 * XLSX, HTML, JSON) to the reports folder and the shared report store, and mails the supervisor the draft.
 */
export function aggregateObligation(deps: CycleDeps) {
  const aggregate = consolidate(deps);
  return async (input: AggregateObligationInput): Promise<AggregationSummary> => {
    const counter = deps.notify.metrics?.aggregations;
    try {
      const summary = await aggregate(input);
      counter?.inc({ outcome: 'succeeded' });
      log.info('report aggregated', {
        total: summary.total,
        onTime: summary.onTime,
        late: summary.late,
        final: input.final,
      });
      return summary;
    } catch (err) {
      counter?.inc({ outcome: 'failed' });
      throw err;
    }
  };
}

function consolidate(deps: CycleDeps) {
  return async (input: AggregateObligationInput): Promise<AggregationSummary> => {
    const report = await deps.core.consolidatedReport(
      {
        ...input.cycle,
        obligationId: input.obligationId,
        at: input.at,
        final: input.final,
        planSnapshot: input.planSnapshot,
        unitIds: input.unitIds,
      },
      { onProgress: progressHeartbeat(), deadlineMs: FANOUT_DEADLINE_MS },
    );
    const base = reportFileBase(input.obligationId, input.at, input.final);
    const dir = path.join(deps.reportsDir, input.cycle.planId, String(input.cycle.year));
    const rendered: RenderedReport[] = [];
    for (const format of REPORT_FILE_FORMATS) rendered.push(await renderReport(report, format));
    const cycleId = `${input.cycle.planId}/${input.cycle.year}`;
    for (const file of rendered) {
      const name = `${base}.${file.extension}`;
      await writeAtomically(path.join(dir, name), file.content);
      // Also into the blob store, so that every host's web can serve them (the folder is this host's only).
      await deps.core.reports.save({ cycleId, name, contentType: file.contentType, content: file.content });
    }

    const notification: ReportNotification = {
      kind: 'report',
      key: notificationKey({
        planId: input.cycle.planId,
        year: input.cycle.year,
        unitId: report.supervisor.id,
        obligationIds: [input.obligationId],
        kind: 'report',
        ordinal: input.final ? 2 : 1,
        scheduledAt: input.at,
      }),
      scheduledAt: input.at,
      plan: input.plan,
      supervisorName: input.supervisor.name,
      obligation: {
        id: input.obligationId,
        title: report.obligation.title,
        dueDate: report.units[0]?.dueDate ?? report.obligation.nominalDueDate,
      },
      fields: report.fields.map((f) => ({ key: f.key, label: f.label })),
      rows: rowsOf(report),
      attachments: rendered
        .filter((file) => MAILED.has(file.extension))
        .map((file) => ({
          filename: `${base}.${file.extension}`,
          contentType: file.contentType,
          base64: file.content.toString('base64'),
        })),
    };
    if (input.mail !== false && input.supervisor.contacts.some((c) => c.email)) {
      await sendEmailNotification(deps.notify)({
        notification,
        audience: 'supervisor',
        key: sendKey(notification.key, 'supervisor', 'email'),
        to: input.supervisor.contacts.filter((c) => c.email),
      });
    }
    const outstanding = report.units.filter((l) => l.status === 'missing' || l.status === 'not-yet-due');
    return {
      obligationId: input.obligationId,
      at: input.at,
      total: report.counts.total,
      onTime: report.counts.onTime,
      late: report.counts.late,
      // Units not in yet, including those whose extended due date is still ahead: the final re-aggregation waits for them.
      missing: outstanding.length,
      waived: report.counts.waived,
      missingUnits: outstanding.map((l) => l.unit.id),
      files: rendered.map((file) => `${base}.${file.extension}`),
      final: input.final,
    };
  };
}

/** The mail carries the draft to edit and sign, and the values for a spreadsheet. */
const MAILED = new Set(['docx', 'xlsx']);

/** `bao-cao-6-thang-202205120800[-final]`: one version per aggregation instant. */
export function reportFileBase(obligationId: string, at: string, final: boolean): string {
  return `${obligationId}-${planMinuteStamp(Date.parse(at))}${final ? '-final' : ''}`;
}

/** The email's table: a unit whose extended due date is still ahead is "not in yet", as the old table said. */
function rowsOf(report: ConsolidatedReport): ReportRow[] {
  return report.units.map((line) => ({
    unit: { id: line.unit.id, name: line.unit.name },
    status: line.status === 'not-yet-due' ? 'missing' : line.status,
    ...(line.submittedAt && { submittedAt: line.submittedAt }),
    ...(line.documentNumber && { documentNumber: line.documentNumber }),
    ...(line.values && { values: line.values }),
  }));
}

/** An obligation's state as a report (and `dondoc simulate`) counts it: pending and overdue are both missing. */
export function reportStatusOf(state: ObligationStateName): ReportRow['status'] {
  if (state === 'submitted-on-time') return 'on-time';
  if (state === 'submitted-late') return 'late';
  return state === 'waived' ? 'waived' : 'missing';
}

async function writeAtomically(file: string, content: Buffer): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, content);
}
