import fc from 'fast-check';
import { dayNumberFromParts, formatLocalDate, isoWeekday, parseLocalDate } from '../../domain/local-date';
import {
  canChiOfYear,
  leapMonthOf,
  lunarMonthLength,
  lunarNewYear,
  lunarToSolar,
  lunarYearMonths,
  solarToLunar,
  type LunarDate,
} from '../../domain/lunar';

function day(text: string): number {
  const n = parseLocalDate(text);
  if (n === undefined) throw new Error(`bad test date ${text}`);
  return n;
}

/** `next` is mùng 1 of the month after `previous`'s: its leap twin, or the next regular month. */
function followsMonth(previous: LunarDate, next: LunarDate): boolean {
  if (next.leap) return next.month === previous.month && next.year === previous.year && !previous.leap;
  if (next.month === 1) return previous.month === 12 && next.year === previous.year + 1;
  return next.month === previous.month + 1 && next.year === previous.year;
}

const FIRST_DAY = dayNumberFromParts(1900, 1, 1);
const LAST_DAY = dayNumberFromParts(2100, 12, 31);
const YEARS = Array.from({ length: 201 }, (_, i) => 1900 + i);

// Reference §3.3: Tết, the last day of the previous lunar year (29 or 30 Chạp), Giỗ Tổ, and the leap month.
const VECTORS: Array<[number, string, string, string, number, number | undefined]> = [
  [2022, 'Nhâm Dần', '2022-02-01', '2022-01-31', 29, undefined],
  [2023, 'Quý Mão', '2023-01-22', '2023-01-21', 30, 2],
  [2024, 'Giáp Thìn', '2024-02-10', '2024-02-09', 30, undefined],
  [2025, 'Ất Tỵ', '2025-01-29', '2025-01-28', 29, 6],
  [2026, 'Bính Ngọ', '2026-02-17', '2026-02-16', 29, undefined],
  [2027, 'Đinh Mùi', '2027-02-06', '2027-02-05', 29, undefined],
  [2028, 'Mậu Thân', '2028-01-26', '2028-01-25', 29, 5],
  [2029, 'Kỷ Dậu', '2029-02-13', '2029-02-12', 29, undefined],
  [2030, 'Canh Tuất', '2030-02-02', '2030-02-01', 29, undefined],
];
const GIO_TO: Record<number, [string, number]> = {
  2022: ['2022-04-10', 7],
  2023: ['2023-04-29', 6],
  2024: ['2024-04-18', 4],
  2025: ['2025-04-07', 1],
  2026: ['2026-04-26', 7],
  2027: ['2027-04-16', 5],
  2028: ['2028-04-04', 2],
  2029: ['2029-04-23', 1],
  2030: ['2030-04-12', 5],
  2031: ['2031-04-01', 2],
};

describe('the reference vectors (UTC+7)', () => {
  it.each(VECTORS)(
    '%i %s: Tết %s, previous year ends %s (%i Chạp), leap month %p',
    (year, canChi, tet, eve, lastDay, leap) => {
      expect(canChiOfYear(year)).toBe(canChi);
      expect(formatLocalDate(lunarNewYear(year))).toBe(tet);
      expect(solarToLunar(day(tet))).toEqual({ year, month: 1, day: 1, leap: false });
      expect(solarToLunar(day(eve))).toEqual({ year: year - 1, month: 12, day: lastDay, leap: false });
      expect(lunarMonthLength(year - 1, 12)).toBe(lastDay);
      expect(leapMonthOf(year)).toBe(leap);
    },
  );

  it.each(Object.entries(GIO_TO))('Giỗ Tổ %s is on %j', (year, [date, weekday]) => {
    const gioTo = lunarToSolar({ year: Number(year), month: 3, day: 10, leap: false });
    expect(formatLocalDate(gioTo as number)).toBe(date);
    expect(isoWeekday(gioTo as number)).toBe(weekday);
  });

  it('has 1/2 nhuận 2023 on 22/3/2023', () => {
    expect(lunarToSolar({ year: 2023, month: 2, day: 1, leap: true })).toBe(day('2023-03-22'));
    expect(solarToLunar(day('2023-03-22'))).toEqual({ year: 2023, month: 2, day: 1, leap: true });
  });

  it('keeps Giỗ Tổ 2031 on the regular 3rd month, before the leap one', () => {
    expect(leapMonthOf(2031)).toBe(3);
    expect(lunarToSolar({ year: 2031, month: 3, day: 10, leap: true })).toBe(day('2031-04-30'));
    expect(solarToLunar(day('2031-04-30'))).toEqual({ year: 2031, month: 3, day: 10, leap: true });
  });

  it('has no leap month where the year has none', () => {
    expect(lunarToSolar({ year: 2024, month: 2, day: 1, leap: true })).toBeUndefined();
  });

  it('rejects day 30 of a 29-day month and day 0', () => {
    expect(lunarMonthLength(2021, 12)).toBe(29);
    expect(lunarToSolar({ year: 2021, month: 12, day: 30, leap: false })).toBeUndefined();
    expect(lunarToSolar({ year: 2022, month: 1, day: 0, leap: false })).toBeUndefined();
  });
});

describe('the time zone', () => {
  it.each([
    [1968, '1968-01-29', '1968-01-30'],
    [1969, '1969-02-16', '1969-02-17'],
    [1985, '1985-01-21', '1985-02-20'],
    [2007, '2007-02-17', '2007-02-18'],
    [2030, '2030-02-02', '2030-02-03'],
    [2053, '2053-02-18', '2053-02-19'],
  ])('puts Tết %i on %s in Vietnam (UTC+7) and on %s in China (UTC+8)', (year, vietnam, china) => {
    expect(formatLocalDate(lunarNewYear(year))).toBe(vietnam);
    expect(formatLocalDate(lunarNewYear(year, 8))).toBe(china);
  });

  it('agrees with UTC+8 in an ordinary year', () => {
    expect(lunarNewYear(2022, 8)).toBe(lunarNewYear(2022, 7));
  });
});

describe('the structure of 1900–2100 (every year)', () => {
  it('has 12 or 13 months a year, each of 29 or 30 days, contiguous, with at most one leap month', () => {
    let previousEnd = lunarYearMonths(1899).at(-1);
    for (const year of YEARS) {
      const months = lunarYearMonths(year);
      expect([12, 13]).toContain(months.length);
      expect(months.filter((month) => month.leap)).toHaveLength(months.length - 12);
      expect(months.filter((month) => !month.leap).map((month) => month.month)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
      ]);
      for (const month of months) {
        expect([29, 30]).toContain(month.length);
        expect(month.start).toBe((previousEnd?.start ?? NaN) + (previousEnd?.length ?? NaN));
        previousEnd = month;
      }
    }
  });

  it('starts every year between 21/1 and 20/2', () => {
    for (const year of YEARS) {
      const tet = lunarNewYear(year);
      expect(tet).toBeGreaterThanOrEqual(dayNumberFromParts(year, 1, 21));
      expect(tet).toBeLessThanOrEqual(dayNumberFromParts(year, 2, 20));
    }
  });

  it('maps consecutive days to consecutive lunar days', () => {
    // Plain comparisons: 73,000 expect() calls would dominate the run time.
    const failures: string[] = [];
    let previous = solarToLunar(FIRST_DAY - 1);
    for (let n = FIRST_DAY; n <= LAST_DAY; n++) {
      const current = solarToLunar(n);
      const ok =
        current.day === previous.day + 1
          ? current.year === previous.year && current.month === previous.month && current.leap === previous.leap
          : current.day === 1 && (previous.day === 29 || previous.day === 30) && followsMonth(previous, current);
      if (!ok) failures.push(`${formatLocalDate(n)}: ${JSON.stringify(previous)} → ${JSON.stringify(current)}`);
      previous = current;
    }
    expect(failures).toEqual([]);
  });
});

describe('conversions (properties)', () => {
  it('round-trips solar → lunar → solar', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST_DAY, max: LAST_DAY }), (n) => {
        expect(lunarToSolar(solarToLunar(n))).toBe(n);
      }),
      { numRuns: 5000 },
    );
  });

  it('round-trips lunar → solar → lunar for every date that exists', () => {
    const lunarDate = fc.record({
      year: fc.integer({ min: 1900, max: 2100 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 30 }),
      leap: fc.boolean(),
    });
    fc.assert(
      fc.property(lunarDate, (date) => {
        const solar = lunarToSolar(date);
        const exists = date.day <= (lunarMonthLength(date.year, date.month, date.leap) ?? 0);
        expect(solar !== undefined).toBe(exists);
        if (solar !== undefined) expect(solarToLunar(solar)).toEqual(date);
      }),
      { numRuns: 5000 },
    );
  });
});
