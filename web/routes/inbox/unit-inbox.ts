import type { FastifyInstance } from 'fastify';
import type { ObligationStatus, UnitStatus } from '../../../domain/cycle/unit-status';
import { workingDaysOn } from '../../../domain/dispatch/enrich-items';
import { planCalendar } from '../../../domain/plan/plan-calendar';
import type { Plan } from '../../../domain/plan/plan-schema';
import { vnDate } from '../../../domain/plan-time';
import { linkExpiry } from '../../../links/link-urls';
import { createSubmissionToken } from '../../../links/submission-token';
import { NOTHING_IN_FORCE } from './inbox-link';

/** One obligation of the unit in one cycle, as its inbox shows it. */
export interface InboxEntry {
  planId: string;
  year: number;
  planTitle: string;
  supervisorName: string;
  obligation: ObligationStatus;
  /** Not submitted and not waived: the unit still has to act. */
  open: boolean;
  /** "Chưa nộp", "Quá hạn", "Đã gia hạn đến dd/MM/yyyy", "Đã nộp đúng hạn", "Nộp muộn", "Được miễn". */
  stateLabel: string;
  /** Working days to the due date at the reading: > 0 left, 0 due today, < 0 overdue; open ones only. */
  workingDays?: number;
  /** The obligation's own submission page (`/s/<token>`), on this host. */
  submitPath: string;
  /** When the deadline last moved (the last extension), for the calendar feed. */
  changedAt?: string;
}

export interface UnitInbox {
  unit: { id: string; name: string };
  /** Open ones first by due date, then the rest by due date. */
  entries: InboxEntry[];
  /** When the unit's first cycle in force started, for calendar stamps that do not move with the clock. */
  startedAt?: string;
}

/** The inbox's words for a state; an open obligation whose deadline moved says to when. */
export function inboxStateLabel(obligation: ObligationStatus): string {
  switch (obligation.state) {
    case 'submitted-on-time':
      return 'Đã nộp đúng hạn';
    case 'submitted-late':
      return 'Nộp muộn';
    case 'waived':
      return 'Được miễn';
    case 'overdue':
      return 'Quá hạn';
    default:
      return obligation.extensions.length > 0 ? `Đã gia hạn đến ${vnDate(obligation.dueDate)}` : 'Chưa nộp';
  }
}

function isOpen(obligation: ObligationStatus): boolean {
  return obligation.state === 'pending' || obligation.state === 'overdue';
}

/**
 * Every obligation of the unit in every running cycle of every plan where the unit runs (not closed): the unit's id
 * is its identity across plans. No cycle in force answers 410: the link then has nothing to show.
 */
export async function loadUnitInbox(app: FastifyInstance, unitId: string): Promise<UnitInbox> {
  const running = (await app.cycles.list()).filter((cycle) => cycle.running);
  const found = await Promise.all(
    running.map(async (ref) => {
      const status = (await app.cycles.units(ref, [unitId])).get(unitId);
      if (!status || status.closed) return undefined;
      return { status, view: await app.cycles.cycle(ref) };
    }),
  );
  const inForce = found.filter((entry) => entry !== undefined);
  if (inForce.length === 0) throw NOTHING_IN_FORCE;
  const nowMs = app.clock().getTime();
  const entries = inForce.flatMap(({ status, view }) => {
    const workingDaysAt = workingDaysOn(planCalendar(view.plan, app.core.announced));
    return status.obligations.map((obligation) => entryOf(app, status, view.plan, obligation, workingDaysAt, nowMs));
  });
  entries.sort(
    (a, b) =>
      Number(b.open) - Number(a.open) ||
      a.obligation.dueDate.localeCompare(b.obligation.dueDate) ||
      a.planTitle.localeCompare(b.planTitle, 'vi'),
  );
  const first = inForce[0]!.status;
  const startedAt = inForce
    .map(({ status }) => status.startedAt)
    .filter((at): at is string => at !== undefined)
    .sort()[0];
  return { unit: first.unit, entries, ...(startedAt && { startedAt }) };
}

function entryOf(
  app: FastifyInstance,
  status: UnitStatus,
  plan: Plan,
  obligation: ObligationStatus,
  workingDaysAt: (dueDate: string, atMs: number) => number,
  nowMs: number,
): InboxEntry {
  const { planId, year } = status.cycle;
  const open = isOpen(obligation);
  const token = createSubmissionToken(app.keys.link.signing, {
    planId,
    year,
    unitId: status.unit.id,
    obligationId: obligation.id,
    exp: linkExpiry(year),
  });
  const changedAt = obligation.extensions.at(-1)?.at;
  return {
    planId,
    year,
    planTitle: plan.title,
    supervisorName: plan.units.find((u) => u.id === plan.supervisor)?.name ?? plan.supervisor,
    obligation,
    open,
    stateLabel: inboxStateLabel(obligation),
    ...(open && { workingDays: workingDaysAt(obligation.dueDate, nowMs) }),
    submitPath: `/s/${token}`,
    ...(changedAt && { changedAt }),
  };
}
