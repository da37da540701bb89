import fc from 'fast-check';
import { loadAnnouncedSchedules } from '../../../config/calendars';
import { daysInMonth, parseLocalDate } from '../../../domain/local-date';
import { planCalendar } from '../../../domain/plan/plan-calendar';
import { compileSchedule } from '../../../domain/schedule/compile-schedule';
import { makePlan } from '../../helpers/plans';

const announced = loadAnnouncedSchedules();

const time = fc
  .tuple(fc.integer({ min: 7, max: 20 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

const monthDay = fc
  .integer({ min: 1, max: 12 })
  .chain((month) =>
    fc
      .integer({ min: 1, max: month === 2 ? 28 : daysInMonth(2021, month) })
      .map((day) => `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`),
  );

const decreasingOffsets = fc
  .uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 6 })
  .map((days) => [...days].sort((a, b) => b - a));

const increasingLevels = fc
  .uniqueArray(fc.integer({ min: 1, max: 25 }), { minLength: 1, maxLength: 4 })
  .map((days) => [...days].sort((a, b) => a - b));

const scenario = fc.record({
  year: fc.integer({ min: 2020, max: 2031 }),
  due: monthDay,
  rule: fc.constantFrom('next' as const, 'previous' as const),
  reminders: decreasingOffsets,
  remindAt: time,
  levels: increasingLevels,
  escalateAt: time,
  repeat: fc.integer({ min: 0, max: 10 }),
});

describe('compileSchedule, for any plan and year (property tests)', () => {
  it('plans every event on a working day, at its local time, in order, and never after 31 December of its year', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const plan = makePlan();
        const obligation = plan.obligations[0]!;
        obligation.due = { date: s.due };
        obligation.ifNonWorkingDay = s.rule;
        plan.defaults.reminders = { workingDaysBefore: s.reminders, at: s.remindAt };
        plan.defaults.escalation = s.levels.map((k) => ({
          workingDaysAfter: k,
          notify: ['unit' as const],
          at: s.escalateAt,
        }));
        plan.defaults.repeatEveryWorkingDays = s.repeat;
        const calendar = planCalendar(plan, announced);
        const issuedOn = parseLocalDate(`${s.year}-01-01`)!;
        const schedule = compileSchedule(plan, { year: s.year, issuedOn }, calendar);

        for (const item of schedule.items) {
          const nominal = parseLocalDate(item.nominalDueDate)!;
          const due = parseLocalDate(item.dueDate)!;
          expect(calendar.isWorkingDay(due)).toBe(true);
          if (s.rule === 'next') expect(due).toBeGreaterThanOrEqual(nominal);
          else expect(due).toBeLessThanOrEqual(nominal);

          const ats = item.events.map((event) => event.at);
          expect([...ats].sort()).toEqual(ats);
          for (const event of item.events) {
            const day = parseLocalDate(event.at.slice(0, 10))!;
            expect(calendar.isWorkingDay(day)).toBe(true);
            expect(day).toBeGreaterThanOrEqual(issuedOn);
            // A due date rolled into January (30/12 on a Saturday) may still escalate in its own year.
            expect(Number(event.at.slice(0, 4))).toBeLessThanOrEqual(
              Math.max(s.year, Number(item.dueDate.slice(0, 4))),
            );
            expect(event.at.slice(10)).toBe(`T${event.type === 'reminder' ? s.remindAt : s.escalateAt}:00+07:00`);
            if (event.type === 'reminder') expect(day).toBeLessThanOrEqual(due);
            else expect(day).toBeGreaterThan(due);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
