import ical from 'ical-generator';
import { DateTime } from 'luxon';
import type { Plan } from '../../domain/plan/plan-schema';
import { PLAN_TIME_ZONE } from '../../domain/plan-time';
import type { CycleSchedule } from '../../domain/schedule/schedule-types';

/** One all-day event per obligation due date and one per aggregation, for a supervisor's calendar. */
export function renderScheduleIcs(plan: Plan, schedule: CycleSchedule): string {
  const stamp = DateTime.fromISO(schedule.issuedOn, { zone: PLAN_TIME_ZONE });
  const calendar = ical({
    name: `${plan.title} — năm ${schedule.year}`,
    prodId: { company: 'dondoc', product: 'dondoc', language: 'VI' },
  });
  const unitNames = new Map(plan.units.map((unit) => [unit.id, unit.name]));
  for (const obligation of plan.obligations) {
    const items = schedule.items.filter((item) => item.obligation === obligation.id);
    const first = items[0];
    if (!first) continue;
    calendar.createEvent({
      id: `${schedule.plan}/${schedule.year}/${obligation.id}/due@dondoc`,
      stamp,
      start: DateTime.fromISO(first.dueDate, { zone: PLAN_TIME_ZONE }),
      allDay: true,
      summary: `Hạn: ${obligation.title}`,
      description: `Đơn vị thực hiện: ${items.map((item) => unitNames.get(item.unit) ?? item.unit).join('; ')}`,
    });
  }
  for (const aggregation of schedule.aggregations) {
    const title = plan.obligations.find((o) => o.id === aggregation.obligation)?.title ?? aggregation.obligation;
    const start = DateTime.fromISO(aggregation.at, { setZone: true });
    calendar.createEvent({
      id: `${schedule.plan}/${schedule.year}/${aggregation.obligation}/aggregate@dondoc`,
      stamp,
      start,
      end: start.plus({ minutes: 30 }),
      summary: `Tổng hợp: ${title}`,
    });
  }
  return calendar.toString();
}
