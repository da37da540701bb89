import fc from 'fast-check';
import { loadAnnouncedSchedules } from '../../../config/calendars';
import { type AnnouncedSchedule, createWorkingCalendar } from '../../../domain/calendar';
import { dayNumberFromParts, formatLocalDate, isWeekend, parseLocalDate } from '../../../domain/local-date';

function day(text: string): number {
  const n = parseLocalDate(text);
  if (n === undefined) throw new Error(`bad test date ${text}`);
  return n;
}

const announced = loadAnnouncedSchedules();
const calendar = createWorkingCalendar({ announced });

/** Điều 148 k5: a deadline on a day off moves to the next working day. */
function rollForward(date: string): string {
  return formatLocalDate(calendar.onOrNextWorkingDay(day(date)));
}

describe('the deadline vectors of reference §1.3', () => {
  it.each([
    ['2022-05-10', '2022-05-10'],
    ['2022-10-30', '2022-10-31'],
    ['2023-05-10', '2023-05-10'],
    ['2023-10-30', '2023-10-30'],
    ['2024-05-10', '2024-05-10'],
    ['2024-10-30', '2024-10-30'],
    ['2025-05-10', '2025-05-12'],
    ['2025-10-30', '2025-10-30'],
    ['2026-05-10', '2026-05-11'],
    ['2026-10-30', '2026-10-30'],
    ['2027-05-10', '2027-05-10'],
    ['2027-10-30', '2027-11-01'],
    ['2022-04-30', '2022-05-04'],
    ['2022-09-02', '2022-09-05'],
    ['2022-02-01', '2022-02-07'],
    ['2026-02-15', '2026-02-23'],
    ['2026-08-31', '2026-09-03'],
    ['2026-01-10', '2026-01-10'],
  ])('moves a deadline on %s to %s', (nominal, effective) => {
    expect(rollForward(nominal)).toBe(effective);
  });

  it('works Saturday 10/01/2026 and Saturday 22/08/2026 (làm bù) but not Friday 02/01/2026', () => {
    expect(calendar.isWorkingDay(day('2026-01-10'))).toBe(true);
    expect(calendar.isWorkingDay(day('2026-08-22'))).toBe(true);
    expect(calendar.isWorkingDay(day('2026-01-02'))).toBe(false);
    expect(calendar.dayOffName(day('2026-01-02'))).toBe('Nghỉ hoán đổi dịp Tết Dương lịch (làm bù Thứ Bảy 10/01/2026)');
  });
});

describe('describeYear', () => {
  it('prints 2022 as `calendar --format json` does', () => {
    const source = 'Công văn 245/VPCP-KGVX ngày 11/01/2022';
    const tet = (date: string) => ({ date, name: 'Tết Âm lịch Nhâm Dần', kind: 'announced', source });
    expect(calendar.describeYear(2022)).toEqual({
      year: 2022,
      daysOff: [
        { date: '2022-01-03', name: 'Nghỉ bù Tết Dương lịch', kind: 'substitute' },
        ...['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04'].map(tet),
        { date: '2022-04-11', name: 'Nghỉ bù Giỗ Tổ Hùng Vương', kind: 'substitute' },
        { date: '2022-05-02', name: 'Nghỉ bù Ngày Chiến thắng', kind: 'substitute' },
        { date: '2022-05-03', name: 'Nghỉ bù Ngày Quốc tế Lao động', kind: 'substitute' },
        { date: '2022-09-01', name: 'Quốc khánh', kind: 'announced', source },
        { date: '2022-09-02', name: 'Quốc khánh', kind: 'announced', source },
      ],
      workingWeekendDays: [],
    });
  });

  it('lists the 2026 swaps and làm-bù Saturdays', () => {
    const year = calendar.describeYear(2026);
    expect(year.daysOff.map((off) => `${off.date} ${off.kind}`)).toEqual([
      '2026-01-01 holiday',
      '2026-01-02 announced',
      ...['16', '17', '18', '19', '20'].map((d) => `2026-02-${d} announced`),
      '2026-04-27 substitute',
      '2026-04-30 holiday',
      '2026-05-01 holiday',
      '2026-08-31 announced',
      '2026-09-01 announced',
      '2026-09-02 announced',
    ]);
    expect(year.workingWeekendDays).toEqual([
      {
        date: '2026-01-10',
        name: 'Làm bù cho ngày nghỉ 02/01/2026',
        source: 'Công văn 12729/VPCP-KGVX ngày 25/12/2025',
      },
      expect.objectContaining({ date: '2026-08-22', source: expect.stringContaining('CHƯA XÁC MINH') as string }),
    ]);
  });

  it('lists only weekdays as days off, and names weekend holidays for table output', () => {
    expect(calendar.describeYear(2022).daysOff.some((off) => off.date === '2022-05-01')).toBe(false);
    expect(calendar.dayOffName(day('2022-05-01'))).toBe('Ngày Quốc tế Lao động');
    expect(calendar.dayOffName(day('2022-05-07'))).toBe('Nghỉ cuối tuần');
    expect(calendar.dayOffName(day('2022-05-04'))).toBeUndefined();
  });
});

describe('precedence: plan overrides, then announced schedules, then the rules', () => {
  const announced2027: AnnouncedSchedule = {
    year: 2027,
    entries: [
      { date: '2027-09-03', kind: 'working-day', name: 'Làm việc', source: 'Thông báo giả định' },
      { date: '2027-09-01', kind: 'day-off', name: 'Quốc khánh', source: 'Thông báo giả định' },
    ],
  };

  it('lets an announcement move the day joining 2/9 and cancel a rule-derived day off', () => {
    const rulesOnly = createWorkingCalendar({ announced: [] });
    expect(rulesOnly.isWorkingDay(day('2027-09-03'))).toBe(false);
    const withAnnouncement = createWorkingCalendar({ announced: [announced2027] });
    expect(withAnnouncement.isWorkingDay(day('2027-09-03'))).toBe(true);
    expect(withAnnouncement.isWorkingDay(day('2027-09-01'))).toBe(false);
    expect(withAnnouncement.describeYear(2027).daysOff.filter((off) => off.date.startsWith('2027-09'))).toEqual([
      { date: '2027-09-01', name: 'Quốc khánh', kind: 'announced', source: 'Thông báo giả định' },
      { date: '2027-09-02', name: 'Quốc khánh', kind: 'holiday' },
    ]);
  });

  it('lets plan overrides win over announced data', () => {
    const planned = createWorkingCalendar({
      announced,
      overrides: [
        { date: '2026-01-10', kind: 'day-off', name: 'Không làm bù' },
        { date: '2026-01-02', kind: 'working-day', name: 'Làm việc' },
        { date: '2022-05-03', kind: 'working-day', name: 'Làm việc' },
        { date: '2022-05-05', kind: 'day-off', name: 'Nghỉ bù Ngày Quốc tế lao động' },
        { date: '2022-05-07', kind: 'working-day', name: 'Làm bù', source: 'Kế hoạch' },
      ],
    });
    expect(planned.isWorkingDay(day('2026-01-10'))).toBe(false);
    expect(planned.isWorkingDay(day('2026-01-02'))).toBe(true);
    expect(planned.describeYear(2026).workingWeekendDays.map((d) => d.date)).toEqual(['2026-08-22']);
    expect(planned.describeYear(2022).daysOff.filter((off) => off.date.startsWith('2022-05'))).toEqual([
      { date: '2022-05-02', name: 'Nghỉ bù Ngày Chiến thắng', kind: 'substitute' },
      { date: '2022-05-05', name: 'Nghỉ bù Ngày Quốc tế lao động', kind: 'announced' },
    ]);
    expect(planned.describeYear(2022).workingWeekendDays).toEqual([
      { date: '2022-05-07', name: 'Làm bù', source: 'Kế hoạch' },
    ]);
  });

  it('rejects an entry whose date does not exist', () => {
    expect(() =>
      createWorkingCalendar({ announced, overrides: [{ date: '2022-02-30', kind: 'day-off', name: 'X' }] }),
    ).toThrow(/2022-02-30/);
  });

  it('switches Ngày Văn hóa Việt Nam on when asked', () => {
    expect(calendar.isWorkingDay(day('2026-11-24'))).toBe(true);
    expect(createWorkingCalendar({ announced, culturalDay: true }).isWorkingDay(day('2026-11-24'))).toBe(false);
  });
});

describe('working-day arithmetic', () => {
  it('crosses year boundaries', () => {
    // 1/1/2022 is a Saturday, so Monday 3/1 is nghỉ bù.
    expect(formatLocalDate(calendar.addWorkingDays(day('2021-12-31'), 1))).toBe('2022-01-04');
    expect(formatLocalDate(calendar.addWorkingDays(day('2022-01-04'), -1))).toBe('2021-12-31');
    expect(formatLocalDate(calendar.addWorkingDays(day('2021-12-30'), 3))).toBe('2022-01-05');
    expect(formatLocalDate(calendar.nextWorkingDay(day('2021-12-31')))).toBe('2022-01-04');
    expect(formatLocalDate(calendar.previousWorkingDay(day('2022-01-03')))).toBe('2021-12-31');
    expect(formatLocalDate(calendar.onOrPreviousWorkingDay(day('2022-01-02')))).toBe('2021-12-31');
    expect(calendar.workingDaysBetween(day('2021-12-31'), day('2022-01-05'))).toBe(2);
  });

  it('counts reminders back from the 2022 annual deadline', () => {
    expect(formatLocalDate(calendar.addWorkingDays(day('2022-10-31'), -10))).toBe('2022-10-17');
    expect(formatLocalDate(calendar.addWorkingDays(day('2022-10-31'), 0))).toBe('2022-10-31');
    expect(formatLocalDate(calendar.addWorkingDays(day('2022-10-31'), 1))).toBe('2022-11-01');
  });

  const anyDay = fc.integer({ min: dayNumberFromParts(1990, 1, 1), max: dayNumberFromParts(2060, 12, 31) });
  const anyK = fc.integer({ min: -40, max: 40 });

  it('lands on a working day for k ≠ 0 and is strictly increasing in k', () => {
    fc.assert(
      fc.property(anyDay, anyK, (d, k) => {
        const result = calendar.addWorkingDays(d, k);
        if (k === 0) expect(result).toBe(d);
        else expect(calendar.isWorkingDay(result)).toBe(true);
        expect(calendar.addWorkingDays(d, k + 1)).toBeGreaterThan(result);
        expect(calendar.workingDaysBetween(d, result)).toBe(k);
      }),
      { numRuns: 500 },
    );
  });

  it('never moves a day backwards to the next working day, nor forwards to the previous one', () => {
    fc.assert(
      fc.property(anyDay, (d) => {
        const next = calendar.onOrNextWorkingDay(d);
        const previous = calendar.onOrPreviousWorkingDay(d);
        expect(next).toBeGreaterThanOrEqual(d);
        expect(previous).toBeLessThanOrEqual(d);
        expect(calendar.isWorkingDay(next) && calendar.isWorkingDay(previous)).toBe(true);
        for (let between = previous + 1; between < next; between++) expect(calendar.isWorkingDay(between)).toBe(false);
        expect(calendar.isWorkingDay(d)).toBe(next === d);
      }),
      { numRuns: 500 },
    );
  });

  it('works every weekday that is not a day off, and only the weekend days marked working', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2020, max: 2035 }), (year) => {
        const description = calendar.describeYear(year);
        const off = new Set(description.daysOff.map((entry) => entry.date));
        const worked = new Set(description.workingWeekendDays.map((entry) => entry.date));
        for (let d = dayNumberFromParts(year, 1, 1); d < dayNumberFromParts(year + 1, 1, 1); d++) {
          const date = formatLocalDate(d);
          const expected = isWeekend(d) ? worked.has(date) : !off.has(date);
          if (calendar.isWorkingDay(d) !== expected) throw new Error(`${date} disagrees with describeYear`);
        }
      }),
      { numRuns: 30 },
    );
  });
});
