import fc from 'fast-check';
import {
  dayNumberFromParts,
  daysInMonth,
  formatLocalDate,
  isLeapYear,
  isoWeekday,
  isWeekend,
  monthDayInYear,
  parseLocalDate,
  parseMonthDay,
  partsFromDayNumber,
  yearOfDayNumber,
} from '../../domain/local-date';

const MS_PER_DAY = 86_400_000;

describe('day numbers', () => {
  it('counts days from 1970-01-01', () => {
    expect(dayNumberFromParts(1970, 1, 1)).toBe(0);
    expect(dayNumberFromParts(1969, 12, 31)).toBe(-1);
    expect(dayNumberFromParts(2000, 3, 1)).toBe(11017);
    expect(partsFromDayNumber(0)).toEqual({ year: 1970, month: 1, day: 1 });
    expect(partsFromDayNumber(-1)).toEqual({ year: 1969, month: 12, day: 31 });
  });

  it('agrees with Date.UTC from 1600 to 2400', () => {
    fc.assert(
      fc.property(fc.integer({ min: -135_000, max: 157_000 }), (n) => {
        const date = new Date(n * MS_PER_DAY);
        const parts = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
        expect(partsFromDayNumber(n)).toEqual(parts);
        expect(dayNumberFromParts(parts.year, parts.month, parts.day)).toBe(n);
        expect(yearOfDayNumber(n)).toBe(parts.year);
        expect(isoWeekday(n)).toBe(date.getUTCDay() === 0 ? 7 : date.getUTCDay());
      }),
      { numRuns: 2000 },
    );
  });

  it('knows leap years and month lengths', () => {
    expect([1900, 2000, 2023, 2024].map(isLeapYear)).toEqual([false, true, false, true]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2022, 4)).toBe(30);
    expect(daysInMonth(2022, 12)).toBe(31);
  });
});

describe('ISO text', () => {
  it('parses and formats YYYY-MM-DD', () => {
    const n = parseLocalDate('2022-10-30');
    expect(n).toBe(dayNumberFromParts(2022, 10, 30));
    expect(formatLocalDate(n as number)).toBe('2022-10-30');
    expect(formatLocalDate(dayNumberFromParts(987, 3, 4))).toBe('0987-03-04');
  });

  it.each([
    '2022-02-30',
    '2023-02-29',
    '2022-13-01',
    '2022-00-10',
    '2022-1-5',
    '22-01-05',
    '2022-01-05T00:00',
    ' 2022-01-05',
  ])('rejects %j', (text) => {
    expect(parseLocalDate(text)).toBeUndefined();
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseLocalDate('2024-02-29')).toBe(dayNumberFromParts(2024, 2, 29));
  });

  it('round-trips every day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_000, max: 60_000 }), (n) => {
        expect(parseLocalDate(formatLocalDate(n))).toBe(n);
      }),
    );
  });
});

describe('weekdays', () => {
  it('counts from Monday 2022-10-31 on', () => {
    const monday = dayNumberFromParts(2022, 10, 31);
    const days = Array.from({ length: 7 }, (_, i) => monday + i);
    expect(days.map(isoWeekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(days.map(isWeekend)).toEqual([false, false, false, false, false, true, true]);
  });
});

describe('month-days', () => {
  it('parses strict MM-DD', () => {
    expect(parseMonthDay('05-10')).toEqual({ month: 5, day: 10 });
    expect(parseMonthDay('02-29')).toEqual({ month: 2, day: 29 });
    expect(parseMonthDay('02-30')).toBeUndefined();
    expect(parseMonthDay('04-31')).toBeUndefined();
    expect(parseMonthDay('5-10')).toBeUndefined();
    expect(parseMonthDay('2022-05-10')).toBeUndefined();
  });

  it('places a month-day in a year, when it exists there', () => {
    expect(monthDayInYear({ month: 10, day: 30 }, 2022)).toBe(parseLocalDate('2022-10-30'));
    expect(monthDayInYear({ month: 2, day: 29 }, 2024)).toBe(parseLocalDate('2024-02-29'));
    expect(monthDayInYear({ month: 2, day: 29 }, 2023)).toBeUndefined();
  });
});
