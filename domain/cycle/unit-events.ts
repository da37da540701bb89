import { parseLocalDate } from '../local-date';
import { notificationKey } from '../notifications/idempotency-key';
import type { DeadlineNotification } from '../notifications/notification';
import { endOfPlanDay } from '../plan-time';
import type { EscalationEvent } from '../schedule/schedule-types';
import type { UnitWorkflowInput } from './unit-input';
import { isResolved, type UnitState } from './unit-state';

/**
 * The next instant the unit workflow must wake for on its own: the end of an open obligation's due date, when it turns
 * overdue (its search attributes change). Reminders and escalations are the cycle's dispatcher's, not the unit's.
 */
export function nextDueBoundaryMs(state: UnitState, nowMs: number): number | undefined {
  let next: number | undefined;
  for (const obligation of state.obligations) {
    if (isResolved(obligation)) continue;
    const due = parseLocalDate(obligation.dueDate);
    if (due === undefined) continue;
    const end = endOfPlanDay(due);
    if (end > nowMs) next = Math.min(next ?? Infinity, end);
  }
  return next;
}

/** A reminder Phòng Nội vụ asked for, about one open obligation, to the unit, now. */
export function manualReminderNotification(
  input: UnitWorkflowInput,
  state: UnitState,
  request: { obligationId: string; at: string; workingDaysLeft: number },
): DeadlineNotification {
  const inputObligation = input.obligations.find((o) => o.id === request.obligationId);
  const current = state.obligations.find((o) => o.id === request.obligationId);
  const next = current?.events.find(
    (e): e is EscalationEvent => e.type === 'escalation' && e.at > request.at && e.repeat === 0,
  );
  return {
    kind: 'reminder',
    key: notificationKey({
      planId: input.cycle.planId,
      year: input.cycle.year,
      unitId: input.unit.id,
      obligationIds: [request.obligationId],
      kind: 'reminder',
      ordinal: request.workingDaysLeft,
      scheduledAt: request.at,
    }),
    scheduledAt: request.at,
    plan: input.plan,
    supervisorName: input.supervisorName,
    unit: input.unit,
    obligations: [
      {
        id: request.obligationId,
        title: inputObligation?.title ?? request.obligationId,
        nominalDueDate: current?.nominalDueDate ?? '',
        dueDate: current?.dueDate ?? '',
        workingDaysLeft: request.workingDaysLeft,
        ...(inputObligation?.submissionUrl && { submissionUrl: inputObligation.submissionUrl }),
      },
    ],
    ...(next && { nextEscalation: { level: next.level, at: next.at, audiences: next.notify } }),
  };
}
