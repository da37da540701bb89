import { createWorkingCalendar, type AnnouncedSchedule, type WorkingCalendar } from '../calendar';
import type { Plan } from './plan-schema';

/** The working-day calendar a plan runs on: the law's rules, then announced schedules, then the plan's overrides. */
export function planCalendar(plan: Pick<Plan, 'calendar'>, announced: readonly AnnouncedSchedule[]): WorkingCalendar {
  return createWorkingCalendar({
    announced,
    overrides: plan.calendar.overrides,
    culturalDay: plan.calendar.culturalDay,
  });
}
