import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { AggregationSummary } from '../../domain/cycle/cycle-input';
import type { CycleRef } from '../../domain/cycle/unit-input';
import type { ObligationStateName, UnitStatus } from '../../domain/cycle/unit-status';
import { notificationKey, sendKey } from '../../domain/notifications/idempotency-key';
import type { Contact, PlanRef, ReportNotification, ReportRow } from '../../domain/notifications/notification';
import { planMinuteStamp } from '../../domain/plan-time';
import { sendEmailNotification } from '../notify/send-email';
import type { CycleDeps } from './cycle-deps';
import { fetchStatuses } from './fetch-statuses';
import { reportCsv } from './report-csv';

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

/** Collects every unit's state and values for one obligation, writes the report files, mails the supervisor. */
export function aggregateObligation(deps: CycleDeps) {
  return async (input: AggregateObligationInput): Promise<AggregationSummary> => {
    const plan = await deps.core.plan(input.planSnapshot);
    const obligation = plan.obligations.find((o) => o.id === input.obligationId);
    const form = obligation?.form ? plan.forms[obligation.form] : undefined;
    const fields = (form?.fields ?? []).map((f) => ({ key: f.key, label: f.label }));
    const statuses = await fetchStatuses(deps.core, input.cycle, input.unitIds);
    const rows = statuses.flatMap((status) => rowOf(status, input.obligationId));
    const count = (s: ReportRow['status']): number => rows.filter((r) => r.status === s).length;

    const csv = reportCsv(fields, rows);
    const stamp = planMinuteStamp(Date.parse(input.at));
    const base = `${input.obligationId}-${stamp}${input.final ? '-final' : ''}`;
    const dir = path.join(deps.reportsDir, input.cycle.planId, String(input.cycle.year));
    const json = JSON.stringify({ ...input, fields, rows }, null, 2);
    await writeAtomically(path.join(dir, `${base}.csv`), csv);
    await writeAtomically(path.join(dir, `${base}.json`), json);
    // Also into the blob store, so that every host's web can serve them (the folder is this host's only).
    const cycleId = `${input.cycle.planId}/${input.cycle.year}`;
    await deps.core.reports.save({
      cycleId,
      name: `${base}.csv`,
      contentType: 'text/csv; charset=utf-8',
      content: csv,
    });
    await deps.core.reports.save({ cycleId, name: `${base}.json`, contentType: 'application/json', content: json });

    const notification: ReportNotification = {
      kind: 'report',
      key: notificationKey({
        planId: input.cycle.planId,
        year: input.cycle.year,
        unitId: plan.supervisor,
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
        title: obligation?.title ?? input.obligationId,
        dueDate: rows[0]?.dueDate ?? '',
      },
      fields,
      rows,
      attachments: [
        {
          filename: `${base}.csv`,
          contentType: 'text/csv; charset=utf-8',
          base64: Buffer.from(csv).toString('base64'),
        },
      ],
    };
    if (input.mail !== false && input.supervisor.contacts.some((c) => c.email)) {
      await sendEmailNotification(deps.notify)({
        notification,
        audience: 'supervisor',
        key: sendKey(notification.key, 'supervisor', 'email'),
        to: input.supervisor.contacts.filter((c) => c.email),
      });
    }
    return {
      obligationId: input.obligationId,
      at: input.at,
      total: rows.length,
      onTime: count('on-time'),
      late: count('late'),
      missing: count('missing'),
      waived: count('waived'),
      missingUnits: rows.filter((r) => r.status === 'missing').map((r) => r.unit.id),
      files: [`${base}.csv`, `${base}.json`],
      final: input.final,
    };
  };
}

function rowOf(status: UnitStatus, obligationId: string): (ReportRow & { dueDate: string })[] {
  const obligation = status.obligations.find((o) => o.id === obligationId);
  if (!obligation) return [];
  const first = obligation.submissions[0];
  const latest = obligation.submissions.at(-1);
  return [
    {
      unit: status.unit,
      status: reportStatusOf(obligation.state),
      dueDate: obligation.dueDate,
      ...(first && { submittedAt: first.submittedAt }),
      ...(latest?.documentNumber && { documentNumber: latest.documentNumber }),
      ...(latest?.values && { values: latest.values }),
    },
  ];
}

/** An obligation's state as a report (and `dondoc simulate`) counts it: pending and overdue are both missing. */
export function reportStatusOf(state: ObligationStateName): ReportRow['status'] {
  if (state === 'submitted-on-time') return 'on-time';
  if (state === 'submitted-late') return 'late';
  return state === 'waived' ? 'waived' : 'missing';
}

async function writeAtomically(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, content);
}
