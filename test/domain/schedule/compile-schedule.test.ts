import { dayNumberFromParts, formatLocalDate, parseLocalDate } from '../../../domain/local-date';
import type { Plan } from '../../../domain/plan/plan-schema';
import { compileSchedule, type Cycle } from '../../../domain/schedule/compile-schedule';
import type { CycleSchedule, ScheduleItem } from '../../../domain/schedule/schedule-types';
import { calendarOf, makePlan, seedPlan } from '../../helpers/plans';

function cycle(year: number, issued = `${year}-01-03`): Cycle {
  return { year, issuedOn: parseLocalDate(issued) ?? 0 };
}

function item(schedule: CycleSchedule, unit: string, obligation: string): ScheduleItem {
  const found = schedule.items.find((i) => i.unit === unit && i.obligation === obligation);
  if (!found) throw new Error(`no item ${unit}/${obligation}`);
  return found;
}

function compile(plan: Plan, c: Cycle): CycleSchedule {
  return compileSchedule(plan, c, calendarOf(plan));
}

describe('compileSchedule on the seed plan, 2022', () => {
  const plan = seedPlan();
  const schedule = compile(plan, cycle(2022, '2022-04-20'));

  it('moves the yearly report from Sunday 30/10/2022 to Monday 31/10/2022, as CONTRACTS.md §2 shows', () => {
    const yearly = item(schedule, 'xa-ia-tul', 'bao-cao-nam');
    expect(yearly.nominalDueDate).toBe('2022-10-30');
    expect(yearly.dueDate).toBe('2022-10-31');
    expect(yearly.events[0]).toEqual({ type: 'reminder', at: '2022-10-17T08:00:00+07:00', workingDaysBefore: 10 });
    expect(yearly.events.find((e) => e.type === 'escalation')).toMatchObject({
      level: 1,
      at: '2022-11-01T08:00:00+07:00',
    });
    expect(schedule.aggregations).toContainEqual({ obligation: 'bao-cao-nam', at: '2022-11-02T08:00:00+07:00' });
  });

  it('keeps the 6-month report on Tuesday 10/05/2022 and reminds on the working days before it', () => {
    const halfYear = item(schedule, 'phong-noi-vu', 'bao-cao-6-thang');
    expect(halfYear.dueDate).toBe('2022-05-10');
    const reminders = halfYear.events.filter((e) => e.type === 'reminder').map((e) => e.at.slice(0, 10));
    // 30/4–3/5/2022 were days off (1/5 on a Sunday, 2/5 and 3/5 nghỉ bù).
    expect(reminders).toEqual(['2022-04-22', '2022-04-29', '2022-05-06', '2022-05-09', '2022-05-10']);
  });

  it('gives every unit of an obligation an item, and only those units', () => {
    const thanhTra = schedule.items.filter((i) => i.obligation === 'thanh-tra-ke-hoach-kiem-tra-tiep-dan');
    expect(thanhTra.map((i) => i.unit)).toEqual(['thanh-tra-huyen']);
    expect(schedule.items.filter((i) => i.obligation === 'bao-cao-nam')).toHaveLength(plan.units.length);
  });

  it('counts daysAfterIssue in calendar days from the issue date, the issue date not counted', () => {
    expect(item(schedule, 'xa-ia-tul', 'ke-hoach-trien-khai').nominalDueDate).toBe('2022-05-05');
  });
});

describe('effective due dates (Bộ luật Dân sự Điều 148 k5 and the announced calendars)', () => {
  it.each([
    ['05-10', 2026, '2026-05-11'],
    ['10-30', 2027, '2027-11-01'],
    ['04-30', 2022, '2022-05-04'],
    ['09-02', 2022, '2022-09-05'],
    ['02-15', 2026, '2026-02-23'],
    ['01-10', 2026, '2026-01-10'],
  ])('%s in %i is due on %s', (date, year, expected) => {
    const plan = makePlan();
    plan.obligations[0]!.due = { date };
    expect(item(compile(plan, cycle(year)), 'xa-a', 'bao-cao').dueDate).toBe(expected);
  });

  it('moves back under "previous" and stays under "keep"', () => {
    const plan = makePlan();
    plan.obligations[0]!.due = { date: '10-30' };
    plan.obligations[0]!.ifNonWorkingDay = 'previous';
    expect(item(compile(plan, cycle(2022)), 'xa-a', 'bao-cao').dueDate).toBe('2022-10-28');
    plan.obligations[0]!.ifNonWorkingDay = 'keep';
    const kept = item(compile(plan, cycle(2022)), 'xa-a', 'bao-cao');
    expect(kept.dueDate).toBe('2022-10-30');
    // The day-0 reminder of a due date kept on a Sunday goes out on the Friday before.
    expect(kept.events.filter((e) => e.type === 'reminder').map((e) => e.at.slice(0, 10))).toEqual([
      '2022-10-17',
      '2022-10-24',
      '2022-10-27',
      '2022-10-28',
    ]);
  });
});

describe('the escalation ladder and its repeats', () => {
  it('repeats the last level every N working days and plans nothing after 31 December', () => {
    const plan = makePlan();
    plan.obligations[0]!.due = { date: '11-16' };
    const events = item(compile(plan, cycle(2022)), 'xa-a', 'bao-cao').events;
    const escalations = events.filter((e) => e.type === 'escalation');
    expect(escalations.map((e) => [e.at.slice(0, 10), e.level, e.repeat])).toEqual([
      ['2022-11-17', 1, 0],
      ['2022-11-21', 2, 0],
      ['2022-11-25', 3, 0],
      ['2022-12-02', 3, 1],
      ['2022-12-09', 3, 2],
      ['2022-12-16', 3, 3],
      ['2022-12-23', 3, 4],
      ['2022-12-30', 3, 5],
    ]);
  });

  it('never repeats when repeatEveryWorkingDays is 0', () => {
    const plan = makePlan();
    plan.defaults.repeatEveryWorkingDays = 0;
    const events = item(compile(plan, cycle(2022)), 'xa-a', 'bao-cao').events;
    expect(events.filter((e) => e.type === 'escalation').map((e) => e.level)).toEqual([1, 2, 3]);
  });

  it('schedules no reminder before the issue date (the 10-day one would fall on 25/05)', () => {
    const plan = makePlan();
    plan.obligations[0]!.due = { daysAfterIssue: 7 };
    const compiled = item(compile(plan, cycle(2022, '2022-06-01')), 'xa-a', 'bao-cao');
    expect(compiled.dueDate).toBe(formatLocalDate(dayNumberFromParts(2022, 6, 8)));
    expect(compiled.events.filter((e) => e.type === 'reminder').map((e) => e.at.slice(0, 10))).toEqual([
      '2022-06-01',
      '2022-06-06',
      '2022-06-07',
      '2022-06-08',
    ]);
  });
});
