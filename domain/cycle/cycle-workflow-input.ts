import type { WorkingCalendar } from '../calendar';
import type { CatchUpMode } from '../dispatch/due-items';
import { dayNumberFromParts, isoWeekday, parseLocalDate } from '../local-date';
import type { ChannelAvailability } from '../notifications/delivery-plan';
import { planDirectory } from '../notifications/recipients';
import type { Plan } from '../plan/plan-schema';
import { planInstant } from '../plan-time';
import type { CycleSchedule } from '../schedule/schedule-types';
import type { CycleWorkflowInput } from './cycle-input';
import { cycleRefs } from './cycle-refs';

/**
 * In the afternoon, apart from the morning's moment (reminders and escalations go out at the plan's `at`, 08:00 by
 * default): Phòng Nội vụ gets its digest as a message of its own moment, not as a second email beside the first.
 */
const DIGEST_TIME = '14:00';

/** The weekly digest instants: the first working day of each week at 14:00, from the issue date to 31/12. */
export function digestInstants(schedule: CycleSchedule, calendar: WorkingCalendar): string[] {
  const issued = parseLocalDate(schedule.issuedOn) ?? dayNumberFromParts(schedule.year, 1, 1);
  const last = dayNumberFromParts(schedule.year, 12, 31);
  const instants: string[] = [];
  let monday = issued - (isoWeekday(issued) - 1);
  for (; monday <= last; monday += 7) {
    for (let day = monday; day < monday + 7; day++) {
      if (!calendar.isWorkingDay(day)) continue;
      if (day >= issued && day <= last) instants.push(planInstant(day, DIGEST_TIME));
      break;
    }
  }
  return instants;
}

export interface CycleInputOptions {
  planSnapshot: string;
  channels: ChannelAvailability;
  clockShiftMs?: number;
  searchAttributes?: boolean;
  catchUp?: CatchUpMode;
}

/** Everything `cycleWorkflow` needs to run one plan-year, from the plan and its compiled schedule. */
export function cycleWorkflowInput(
  plan: Plan,
  schedule: CycleSchedule,
  calendar: WorkingCalendar,
  options: CycleInputOptions,
): CycleWorkflowInput {
  const directory = planDirectory(plan);
  const units = new Set(schedule.items.map((item) => item.unit));
  return {
    ...cycleRefs(plan, schedule),
    planSnapshot: options.planSnapshot,
    unitIds: plan.units.filter((unit) => units.has(unit.id)).map((unit) => unit.id),
    aggregations: schedule.aggregations,
    digests: digestInstants(schedule, calendar),
    supervisor: { name: directory.supervisor.name, contacts: directory.supervisor.people },
    channels: options.channels,
    ...(options.clockShiftMs && { clockShiftMs: options.clockShiftMs }),
    ...(options.searchAttributes === false && { searchAttributes: false }),
    ...(options.catchUp && { catchUp: options.catchUp }),
  };
}
