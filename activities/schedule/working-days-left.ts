import type { AnnouncedSchedule } from '../../domain/calendar';
import type { ObligationRules } from '../../domain/cycle/unit-input';
import { parseLocalDate } from '../../domain/local-date';
import { planCalendar } from '../../domain/plan/plan-calendar';
import { planDayOf } from '../../domain/plan-time';

export interface WorkingDaysLeftInput {
  rules: Pick<ObligationRules, 'calendarOverrides' | 'culturalDay'>;
  dueDate: string;
  /** The instant of the message (ISO, plan time). */
  at: string;
}

/** Working days from `at` to the due date (negative when overdue): calendar arithmetic stays out of workflows. */
export function workingDaysLeft(announced: readonly AnnouncedSchedule[]) {
  return async (input: WorkingDaysLeftInput): Promise<number> => {
    const due = parseLocalDate(input.dueDate) ?? 0;
    const calendar = planCalendar(
      { calendar: { overrides: input.rules.calendarOverrides, culturalDay: input.rules.culturalDay } },
      announced,
    );
    return calendar.workingDaysBetween(planDayOf(Date.parse(input.at)), due);
  };
}
