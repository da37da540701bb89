import { notificationKey } from '../notifications/idempotency-key';
import type { Audience, DeadlineNotification } from '../notifications/notification';
import { byInstant } from '../plan-time';
import type { EscalationEvent, ScheduleEvent } from '../schedule/schedule-types';
import type { UnitWorkflowInput } from './unit-input';
import { isResolved, type ObligationState, type UnitState } from './unit-state';

/** Events of one instant and kind, across the unit's obligations: they become one notification per audience. */
export interface EventGroup {
  at: string;
  type: 'reminder' | 'escalation';
  level: number;
  repeat: number;
  audiences: Audience[];
  obligationIds: string[];
  /** Sent at once for a cycle started after this event's instant. */
  catchUp: boolean;
}

/**
 * Takes every event due by `nowMs` off the unresolved obligations and groups them by instant and kind.
 * On the first call of a late-started cycle, past events are skipped instead, except that an obligation already
 * overdue gets one notice for the highest escalation level it has reached (DESIGN.md, deadline semantics).
 */
export function takeDueEvents(state: UnitState, nowMs: number): EventGroup[] {
  const picked: { obligation: ObligationState; event: ScheduleEvent; catchUp: boolean }[] = [];
  const catchingUp = !state.caughtUp;
  state.caughtUp = true;
  for (const obligation of state.obligations) {
    if (isResolved(obligation)) continue;
    const due: ScheduleEvent[] = [];
    while (obligation.nextEvent < obligation.events.length) {
      const event = obligation.events[obligation.nextEvent];
      if (!event || Date.parse(event.at) > nowMs) break;
      due.push(event);
      obligation.nextEvent++;
    }
    if (catchingUp) {
      const past = due.filter((e) => Date.parse(e.at) < nowMs);
      const lastEscalation = past.reverse().find((e): e is EscalationEvent => e.type === 'escalation');
      if (lastEscalation) picked.push({ obligation, event: lastEscalation, catchUp: true });
      for (const event of due) if (Date.parse(event.at) >= nowMs) picked.push({ obligation, event, catchUp: false });
      continue;
    }
    // After an outage several events may be due at once: only the latest instant still means something.
    const latest = due[due.length - 1]?.at;
    for (const event of due) if (event.at === latest) picked.push({ obligation, event, catchUp: false });
  }
  return groupEvents(picked);
}

function groupEvents(picked: { obligation: ObligationState; event: ScheduleEvent; catchUp: boolean }[]): EventGroup[] {
  const groups = new Map<string, EventGroup>();
  for (const { obligation, event, catchUp } of picked) {
    const level = event.type === 'escalation' ? event.level : 0;
    const repeat = event.type === 'escalation' ? event.repeat : 0;
    const audiences: Audience[] = event.type === 'escalation' ? event.notify : ['unit'];
    const id = `${event.at}|${event.type}|${level}|${repeat}|${audiences.join(',')}`;
    const group = groups.get(id) ?? {
      at: event.at,
      type: event.type,
      level,
      repeat,
      audiences,
      obligationIds: [],
      catchUp,
    };
    group.obligationIds.push(obligation.id);
    groups.set(id, group);
    if (event.type === 'escalation') obligation.level = Math.max(obligation.level, event.level);
  }
  return [...groups.values()].sort(byInstant);
}

/** The next instant the unit workflow must wake for: a planned event or a deferred Zalo send. */
export function nextWakeMs(state: UnitState): number | undefined {
  let next: number | undefined;
  for (const obligation of state.obligations) {
    const event = isResolved(obligation) ? undefined : obligation.events[obligation.nextEvent];
    if (event) next = Math.min(next ?? Infinity, Date.parse(event.at));
  }
  for (const deferred of state.deferred) next = Math.min(next ?? Infinity, Date.parse(deferred.notBefore));
  return next;
}

/** The channel-independent message of a group, with each obligation's days left and the next escalation. */
export function deadlineNotification(
  input: UnitWorkflowInput,
  state: UnitState,
  group: EventGroup,
): DeadlineNotification {
  const obligations = group.obligationIds.map((id) => {
    const inputObligation = input.obligations.find((o) => o.id === id);
    const current = state.obligations.find((o) => o.id === id);
    const event = current?.events.find((e) => e.at === group.at && e.type === group.type);
    const left = !event ? 0 : event.type === 'reminder' ? event.workingDaysBefore : -event.workingDaysAfter;
    return {
      id,
      title: inputObligation?.title ?? id,
      nominalDueDate: current?.nominalDueDate ?? '',
      dueDate: current?.dueDate ?? '',
      workingDaysLeft: left,
      ...(inputObligation?.submissionUrl && { submissionUrl: inputObligation.submissionUrl }),
    };
  });
  const next = nextEscalation(state, group);
  const scheduledAt = group.at;
  return {
    kind: group.type,
    key: notificationKey({
      planId: input.cycle.planId,
      year: input.cycle.year,
      unitId: input.unit.id,
      obligationIds: group.obligationIds,
      kind: group.type,
      ordinal: group.type === 'reminder' ? (obligations[0]?.workingDaysLeft ?? 0) : group.level,
      ...(group.type === 'escalation' && { repeat: group.repeat }),
      scheduledAt,
    }),
    scheduledAt,
    plan: input.plan,
    supervisorName: input.supervisorName,
    unit: input.unit,
    obligations,
    ...(group.type === 'escalation' && { level: group.level }),
    ...(next && { nextEscalation: next }),
  };
}

function nextEscalation(state: UnitState, group: EventGroup): DeadlineNotification['nextEscalation'] {
  for (const id of group.obligationIds) {
    const obligation = state.obligations.find((o) => o.id === id);
    const next = obligation?.events.find(
      (e): e is EscalationEvent =>
        e.type === 'escalation' && e.at > group.at && e.repeat === 0 && e.level > group.level,
    );
    if (next) return { level: next.level, at: next.at, audiences: next.notify };
  }
  return undefined;
}
