/**
 * The days off that Bộ luật Lao động 2019 gives in a solar year, before any announcement: the Điều 112 k1 holidays
 * and the Điều 111 k3 substitute days (nghỉ bù) for holidays that fall on a weekend.
 * Provisional where the law lets the Prime Minister decide (Điều 112 k3): which five days Tết takes and which day
 * joins 2/9. Announced schedules override these rules.
 */
import { type DayNumber, dayNumberFromParts, isoWeekday, isWeekend } from '../local-date';
import { canChiOfYear, lunarNewYear, lunarToSolar, solarToLunar } from '../lunar';

export interface StatutoryDayOff {
  day: DayNumber;
  name: string;
  kind: 'holiday' | 'substitute';
}

export interface StatutoryOptions {
  /** Ngày Văn hóa Việt Nam (24/11), pending an amendment of Điều 112 k1. */
  culturalDay: boolean;
  /** Hours east of UTC for the lunar calendar. */
  tz: number;
}

interface Holiday {
  day: DayNumber;
  name: string;
}

const TET_DAY_NAMES = ['mùng 1', 'mùng 2', 'mùng 3', 'mùng 4'];

function tetHolidays(year: number, tz: number): Holiday[] {
  const newYear = lunarNewYear(year, tz);
  const title = `Tết Âm lịch ${canChiOfYear(year)}`;
  // The block is the last day of the old lunar year (29 or 30 tháng Chạp) and mùng 1–4.
  const lastDay = solarToLunar(newYear - 1, tz).day;
  return [
    { day: newYear - 1, name: `${title} (${lastDay} tháng Chạp)` },
    ...TET_DAY_NAMES.map((dayName, i) => ({ day: newYear + i, name: `${title} (${dayName})` })),
  ];
}

/**
 * The day joining 2/9 (decided yearly by the Prime Minister). Provisional rule: 3/9 when that makes or keeps a
 * long weekend (2/9 on Thursday, Sunday or Monday), otherwise 1/9; this matches 2022 (1/9) and 2026 (1/9).
 */
function nationalDayCompanion(year: number): DayNumber {
  const nationalDay = dayNumberFromParts(year, 9, 2);
  const weekday = isoWeekday(nationalDay);
  return weekday === 4 || weekday === 7 || weekday === 1 ? nationalDay + 1 : nationalDay - 1;
}

function holidays(year: number, options: StatutoryOptions): Holiday[] {
  const hungKings = lunarToSolar({ year, month: 3, day: 10, leap: false }, options.tz);
  const list: Holiday[] = [
    { day: dayNumberFromParts(year, 1, 1), name: 'Tết Dương lịch' },
    ...tetHolidays(year, options.tz),
    ...(hungKings === undefined ? [] : [{ day: hungKings, name: 'Giỗ Tổ Hùng Vương' }]),
    { day: dayNumberFromParts(year, 4, 30), name: 'Ngày Chiến thắng' },
    { day: dayNumberFromParts(year, 5, 1), name: 'Ngày Quốc tế Lao động' },
    { day: dayNumberFromParts(year, 9, 2), name: 'Quốc khánh' },
    { day: nationalDayCompanion(year), name: 'Quốc khánh (ngày nghỉ liền kề)' },
  ];
  if (options.culturalDay) list.push({ day: dayNumberFromParts(year, 11, 24), name: 'Ngày Văn hóa Việt Nam' });
  return list.sort((a, b) => a.day - b.day);
}

/**
 * Holidays and substitute days of `year`, sorted by day. A holiday on a weekend, or on a day another holiday already
 * takes, gives one substitute day: the first later day that is neither a weekend nor a holiday nor already a
 * substitute (30/4/2022 Sat and 1/5/2022 Sun give Mon 2/5 and Tue 3/5). Tết days on a weekend are treated the same way.
 */
export function statutoryDaysOff(year: number, options: StatutoryOptions): StatutoryDayOff[] {
  const taken = new Map<DayNumber, StatutoryDayOff>();
  const needSubstitute: Holiday[] = [];
  for (const holiday of holidays(year, options)) {
    if (taken.has(holiday.day) || isWeekend(holiday.day)) needSubstitute.push(holiday);
    if (!taken.has(holiday.day)) taken.set(holiday.day, { ...holiday, kind: 'holiday' });
  }
  for (const holiday of needSubstitute) {
    let day = holiday.day + 1;
    while (isWeekend(day) || taken.has(day)) day++;
    taken.set(day, { day, name: `Nghỉ bù ${holiday.name}`, kind: 'substitute' });
  }
  return [...taken.values()].sort((a, b) => a.day - b.day);
}
