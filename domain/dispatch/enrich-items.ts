import type { WorkingCalendar } from '../calendar';
import type { FormFieldRule } from '../forms/validate-form-values';
import { parseLocalDate } from '../local-date';
import { planDayOf } from '../plan-time';
import type { EscalationEvent, ScheduleEvent } from '../schedule/schedule-types';
import type { DueItem } from './due-items';
import type { MessageItem } from './message-items';

/** What a message says about one unit × obligation, read from the unit's status or the compiled schedule. */
export interface ItemFacts {
  unitName: string;
  title: string;
  nominalDueDate: string;
  dueDate: string;
  events: readonly ScheduleEvent[];
  submissionUrl?: string;
  /** The report's form: the unit's email attaches it as a template to fill and send back. */
  form?: FormFieldRule[];
}

/**
 * Due items with what their message shows. Working days come from the event for a live item (its rung of the ladder),
 * and are counted at the moment for a catch-up, which summarises how late the unit is now.
 */
export function enrichItems(
  items: readonly DueItem[],
  factsOf: (unitId: string, obligationId: string) => ItemFacts | undefined,
  workingDaysAt: (dueDate: string, atMs: number) => number,
  momentMs: number,
): MessageItem[] {
  return items.flatMap((item) => {
    const facts = factsOf(item.unitId, item.obligationId);
    if (!facts) return [];
    const event = facts.events.find((e) => e.at === item.at && e.type === item.type);
    const workingDays =
      item.catchUp || !event
        ? workingDaysAt(facts.dueDate, momentMs)
        : event.type === 'reminder'
          ? event.workingDaysBefore
          : -event.workingDaysAfter;
    const next = facts.events.find(
      (e): e is EscalationEvent => e.type === 'escalation' && e.at > item.at && e.repeat === 0 && e.level > item.level,
    );
    return [
      {
        ...item,
        unit: { id: item.unitId, name: facts.unitName },
        title: facts.title,
        nominalDueDate: facts.nominalDueDate,
        dueDate: facts.dueDate,
        workingDays,
        ...(facts.submissionUrl && { submissionUrl: facts.submissionUrl }),
        ...(facts.form && { form: facts.form }),
        ...(next && { nextEscalation: { level: next.level, at: next.at, audiences: [...next.notify] } }),
      },
    ];
  });
}

/** Working days at an instant on a plan calendar, in the shape `enrichItems` asks for. */
export function workingDaysOn(calendar: WorkingCalendar): (dueDate: string, atMs: number) => number {
  return (dueDate, atMs) => {
    const due = parseLocalDate(dueDate);
    if (due === undefined) throw new RangeError(`Not a date: "${dueDate}"`);
    return calendar.workingDaysBetween(planDayOf(atMs), due);
  };
}
