import { isoWeekday, parseLocalDate, partsFromDayNumber, type DayNumber } from '../local-date';
import { parsePlanDateTime, planClock, planDayOf } from './instants';

const WEEKDAY_NAMES = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'] as const;
const WEEKDAY_SHORT_NAMES = ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'] as const;

/** `dd/MM/yyyy`, the way Vietnamese documents write dates: `31/10/2022`. */
export function formatVietnameseDate(day: DayNumber): string {
  const { year, month, day: dayOfMonth } = partsFromDayNumber(day);
  return `${pad(dayOfMonth, 2)}/${pad(month, 2)}/${pad(year, 4)}`;
}

/** `Thứ Hai` … `Thứ Bảy`, `Chủ nhật`. */
export function vietnameseWeekday(day: DayNumber): string {
  return WEEKDAY_NAMES[isoWeekday(day) - 1] as string;
}

/** `T2` … `T7`, `CN`. */
export function vietnameseWeekdayShort(day: DayNumber): string {
  return WEEKDAY_SHORT_NAMES[isoWeekday(day) - 1] as string;
}

/** `Thứ Hai 31/10/2022`. */
export function formatDayWithWeekday(day: DayNumber): string {
  return `${vietnameseWeekday(day)} ${formatVietnameseDate(day)}`;
}

/*
 * The forms below take the text a view holds (a `YYYY-MM-DD` date, an ISO 8601 instant) and show it as given when it
 * is not one: a page or a terminal table should still show something rather than fail.
 */

/** `2022-10-31` → `31/10/2022`. */
export function vnDate(date: string): string {
  const day = parseLocalDate(date);
  return day === undefined ? date : formatVietnameseDate(day);
}

/** `2022-10-31` → `Thứ Hai 31/10/2022`. */
export function vnDayWithWeekday(date: string): string {
  const day = parseLocalDate(date);
  return day === undefined ? date : formatDayWithWeekday(day);
}

/** An instant in plan time, time first: `2022-10-17T01:05:00Z` → `08:05 Thứ Hai 17/10/2022`; no instant → ``. */
export function vnTimeWithDay(instant: string | undefined): string {
  if (!instant) return '';
  const epochMs = parsePlanDateTime(instant);
  return epochMs === undefined ? instant : `${planClock(epochMs)} ${formatDayWithWeekday(planDayOf(epochMs))}`;
}

/** An instant in plan time, date first: `2022-10-17T08:05:00+07:00` → `17/10/2022 08:05`. */
export function vnDateTime(instant: string): string {
  const epochMs = parsePlanDateTime(instant);
  return epochMs === undefined ? instant : `${formatVietnameseDate(planDayOf(epochMs))} ${planClock(epochMs)}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
