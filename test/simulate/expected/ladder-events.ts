import type { Ladder } from './plan-file';
import { planInstant } from './plan-time';
import { addWorkingDays, type LocalDate } from './working-days-2022';

/** A reminder (level 0) or an escalation level, at its plan-time instant, for the audiences it notifies. */
export interface LadderEvent {
  type: 'reminder' | 'escalation';
  level: number;
  at: string;
  notify: readonly string[];
}

/**
 * DESIGN "Deadline semantics": reminders on the k-th working day before the effective due date (k = 0: the date
 * itself), escalation level n on its k-th working day after it, then the last level again every N working days.
 * Everything stops at 31 December, because addWorkingDays knows nothing beyond 2022.
 */
export function ladderEvents(ladder: Ladder, dueDate: LocalDate): LadderEvent[] {
  const events: LadderEvent[] = [];
  for (const k of ladder.reminders.workingDaysBefore) {
    const day = addWorkingDays(dueDate, -k);
    if (day) events.push({ type: 'reminder', level: 0, at: planInstant(day, ladder.reminders.at), notify: ['unit'] });
  }
  let day: LocalDate | undefined;
  ladder.escalation.forEach((level, i) => {
    day = addWorkingDays(dueDate, level.workingDaysAfter);
    if (day) events.push({ type: 'escalation', level: i + 1, at: planInstant(day, level.at), notify: level.notify });
  });
  const last = ladder.escalation[ladder.escalation.length - 1];
  while (last && day && ladder.repeatEveryWorkingDays > 0) {
    day = addWorkingDays(day, ladder.repeatEveryWorkingDays);
    if (day)
      events.push({
        type: 'escalation',
        level: ladder.escalation.length,
        at: planInstant(day, last.at),
        notify: last.notify,
      });
  }
  return events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
