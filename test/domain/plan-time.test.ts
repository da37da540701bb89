import fc from 'fast-check';
import { dayNumberFromParts, parseLocalDate } from '../../domain/local-date';
import {
  atPlanDate,
  endOfPlanDay,
  formatDayWithWeekday,
  formatVietnameseDate,
  parsePlanDateTime,
  PLAN_TIME_ZONE,
  PLAN_UTC_OFFSET,
  planClock,
  planDayOf,
  planInstant,
  planMinuteStamp,
  startOfPlanDay,
  toPlanIso,
  vietnameseWeekday,
  vietnameseWeekdayShort,
  vnDate,
  vnDateTime,
  vnDayWithWeekday,
  vnTimeWithDay,
} from '../../domain/plan-time';

const day = (text: string): number => parseLocalDate(text) as number;

describe('plan time', () => {
  it('is Vietnam’s zone at its fixed offset', () => {
    expect(PLAN_TIME_ZONE).toBe('Asia/Ho_Chi_Minh');
    expect(PLAN_UTC_OFFSET).toBe('+07:00');
  });

  it('runs where the machine is in another zone', () => {
    // `npm test` sets TZ=America/New_York: nothing here may depend on it.
    expect(new Date(Date.UTC(2022, 9, 17, 12)).getTimezoneOffset()).not.toBe(-420);
    expect(vnTimeWithDay('2022-11-06T06:30:00Z')).toBe('13:30 Chủ nhật 06/11/2022');
    expect(toPlanIso(Date.UTC(2022, 2, 13, 7, 0))).toBe('2022-03-13T14:00:00+07:00');
  });
});

describe('parsePlanDateTime', () => {
  it('reads a date-time without an offset as plan time', () => {
    expect(parsePlanDateTime('2026-01-05T09:30')).toBe(Date.UTC(2026, 0, 5, 2, 30));
    expect(parsePlanDateTime('2026-01-05T09:30:15')).toBe(Date.UTC(2026, 0, 5, 2, 30, 15));
    expect(parsePlanDateTime('2026-01-05T00:00')).toBe(Date.UTC(2026, 0, 4, 17));
  });

  it('takes an offset as written', () => {
    expect(parsePlanDateTime('2022-10-17T08:00:00+07:00')).toBe(Date.UTC(2022, 9, 17, 1));
    expect(parsePlanDateTime('2022-10-17T08:00:03.250+07:00')).toBe(Date.UTC(2022, 9, 17, 1, 0, 3, 250));
    expect(parsePlanDateTime('2022-10-17T17:00:00.000Z')).toBe(Date.UTC(2022, 9, 17, 17));
    expect(parsePlanDateTime('2022-12-31T23:30:00-05:00')).toBe(Date.UTC(2023, 0, 1, 4, 30));
    expect(parsePlanDateTime('2022-12-31T23:30:00-0500')).toBe(Date.UTC(2023, 0, 1, 4, 30));
  });

  it('agrees with Date.parse on every instant written with an offset', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (epochMs) => {
        const iso = new Date(epochMs).toISOString();
        expect(parsePlanDateTime(iso)).toBe(epochMs);
        expect(parsePlanDateTime(toPlanIso(epochMs, 'milliseconds'))).toBe(epochMs);
      }),
    );
  });

  it('refuses what is not a date-time', () => {
    for (const text of [
      '',
      'bad',
      '2026-01-05',
      '2026-13-01T00:00',
      '2023-02-29T08:00',
      '2026-01-05T24:00',
      '2026-01-05 09:30',
    ])
      expect(parsePlanDateTime(text)).toBeUndefined();
  });
});

describe('plan days', () => {
  it('begins and ends at midnight UTC+7', () => {
    const d = day('2022-10-17');
    expect(startOfPlanDay(d)).toBe(Date.UTC(2022, 9, 16, 17));
    expect(endOfPlanDay(d)).toBe(Date.UTC(2022, 9, 17, 17));
  });

  it('puts 23:59:59 and 00:00 UTC+7 on either side of the day line', () => {
    expect(planDayOf(Date.UTC(2022, 9, 17, 16, 59, 59, 999))).toBe(day('2022-10-17'));
    expect(planDayOf(Date.UTC(2022, 9, 17, 17))).toBe(day('2022-10-18'));
    // Still the 17th in UTC (and in New York), already the 18th in Vietnam.
    expect(vnDateTime('2022-10-17T17:00:00Z')).toBe('18/10/2022 00:00');
  });

  it('places a time on a plan date', () => {
    expect(atPlanDate('2022-05-10')).toBe(Date.UTC(2022, 4, 9, 17));
    expect(atPlanDate('2022-12-31', '23:59')).toBe(Date.UTC(2022, 11, 31, 16, 59));
    expect(() => atPlanDate('2022-02-30')).toThrow(RangeError);
  });
});

describe('ISO text in plan time', () => {
  it('writes instants with the plan offset', () => {
    expect(planInstant(day('2022-10-17'), '08:00')).toBe('2022-10-17T08:00:00+07:00');
    expect(toPlanIso(Date.UTC(2022, 9, 17, 1, 0, 5, 999))).toBe('2022-10-17T08:00:05+07:00');
    expect(toPlanIso(Date.UTC(2022, 9, 17, 1, 0, 3, 250), 'milliseconds')).toBe('2022-10-17T08:00:03.250+07:00');
    expect(toPlanIso(Date.UTC(2022, 9, 17, 17))).toBe('2022-10-18T00:00:00+07:00');
  });

  it('stamps the plan minute and clock', () => {
    expect(planMinuteStamp(Date.UTC(2022, 10, 2, 1))).toBe('202211020800');
    expect(planClock(Date.UTC(2022, 9, 17, 16, 59, 30))).toBe('23:59');
    expect(planClock(Date.UTC(2022, 9, 17, 16, 59, 30), true)).toBe('23:59:30');
  });
});

describe('Vietnamese forms', () => {
  it('writes dd/MM/yyyy', () => {
    expect(formatVietnameseDate(dayNumberFromParts(2022, 10, 31))).toBe('31/10/2022');
    expect(formatVietnameseDate(dayNumberFromParts(2022, 5, 3))).toBe('03/05/2022');
    expect(vnDate('2024-02-29')).toBe('29/02/2024');
  });

  it('names the weekdays from Monday 2022-10-31 on', () => {
    const monday = dayNumberFromParts(2022, 10, 31);
    const days = Array.from({ length: 7 }, (_, i) => monday + i);
    expect(days.map(vietnameseWeekday)).toEqual([
      'Thứ Hai',
      'Thứ Ba',
      'Thứ Tư',
      'Thứ Năm',
      'Thứ Sáu',
      'Thứ Bảy',
      'Chủ nhật',
    ]);
    expect(days.map(vietnameseWeekdayShort)).toEqual(['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN']);
    expect(formatDayWithWeekday(monday)).toBe('Thứ Hai 31/10/2022');
    expect(vnDayWithWeekday('2022-11-06')).toBe('Chủ nhật 06/11/2022');
  });

  it('writes an instant time first, or date first', () => {
    expect(vnTimeWithDay('2022-10-17T08:05:59+07:00')).toBe('08:05 Thứ Hai 17/10/2022');
    expect(vnTimeWithDay('2026-01-05T02:30:00.000Z')).toBe('09:30 Thứ Hai 05/01/2026');
    expect(vnDateTime('2022-10-17T08:05:59+07:00')).toBe('17/10/2022 08:05');
    expect(vnDateTime('2022-12-31T23:30:00-05:00')).toBe('01/01/2023 11:30');
  });

  it('shows what it cannot read as given', () => {
    expect(vnDate('2023-02-29')).toBe('2023-02-29');
    expect(vnDayWithWeekday('bad')).toBe('bad');
    expect(vnTimeWithDay('bad')).toBe('bad');
    expect(vnTimeWithDay(undefined)).toBe('');
    expect(vnDateTime('')).toBe('');
  });
});
