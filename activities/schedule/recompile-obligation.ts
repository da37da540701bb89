import { ApplicationFailure } from '@temporalio/common';
import type { AnnouncedSchedule } from '../../domain/calendar';
import type { CycleRef, ObligationRules } from '../../domain/cycle/unit-input';
import { formatLocalDate, parseLocalDate } from '../../domain/local-date';
import { planCalendar } from '../../domain/plan/plan-calendar';
import { compileEvents } from '../../domain/schedule/compile-schedule';
import type { ScheduleEvent } from '../../domain/schedule/schedule-types';

export interface RecompileObligationInput {
  cycle: CycleRef;
  rules: ObligationRules;
  /** The new nominal due date, YYYY-MM-DD. */
  nominalDueDate: string;
}

export interface RecompiledObligation {
  nominalDueDate: string;
  dueDate: string;
  events: ScheduleEvent[];
}

/** An extension moves an obligation: the calendar arithmetic runs here, never in workflow code. */
export function recompileObligation(announced: readonly AnnouncedSchedule[]) {
  return async (input: RecompileObligationInput): Promise<RecompiledObligation> => {
    const nominal = parseLocalDate(input.nominalDueDate);
    const issuedOn = parseLocalDate(input.cycle.issuedOn);
    if (nominal === undefined || issuedOn === undefined) {
      throw ApplicationFailure.nonRetryable(`invalid date ${input.nominalDueDate} / ${input.cycle.issuedOn}`, 'USAGE');
    }
    const calendar = planCalendar(
      { calendar: { overrides: input.rules.calendarOverrides, culturalDay: input.rules.culturalDay } },
      announced,
    );
    const compiled = compileEvents(input.rules, nominal, { year: input.cycle.year, issuedOn }, calendar);
    return {
      nominalDueDate: formatLocalDate(compiled.nominal),
      dueDate: formatLocalDate(compiled.due),
      events: compiled.events,
    };
  };
}
