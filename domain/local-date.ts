/**
 * Local calendar dates as integer day numbers (days since 1970-01-01), with no `Date` and no time zone:
 * a due date is a civil date in Vietnam, and the schedule compiler does this arithmetic millions of times.
 * Conversions use Howard Hinnant's days-from-civil / civil-from-days algorithms (proleptic Gregorian).
 */
export type DayNumber = number;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export interface MonthDay {
  month: number;
  day: number;
}

/** ISO weekday: Monday = 1 … Sunday = 7. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAY = /^(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

/** The day number of a civil date; the parts are not validated (use `isValidDate` or `parseLocalDate`). */
export function dayNumberFromParts(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function partsFromDayNumber(n: DayNumber): DateParts {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** The year of a day number. */
export function yearOfDayNumber(n: DayNumber): number {
  return partsFromDayNumber(n).year;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Strict `YYYY-MM-DD`; undefined for anything else, including dates that do not exist (2022-02-30). */
export function parseLocalDate(text: string): DayNumber | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDate(year, month, day) ? dayNumberFromParts(year, month, day) : undefined;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

function pad4(value: number): string {
  return String(value).padStart(4, '0');
}

/** `YYYY-MM-DD`. */
export function formatLocalDate(n: DayNumber): string {
  const { year, month, day } = partsFromDayNumber(n);
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

export function isoWeekday(n: DayNumber): IsoWeekday {
  // 1970-01-01 was a Thursday (4).
  return (((((n + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

export function isWeekend(n: DayNumber): boolean {
  return isoWeekday(n) >= 6;
}

/** Strict `MM-DD`; `02-29` is accepted because it exists in leap years. */
export function parseMonthDay(text: string): MonthDay | undefined {
  const match = MONTH_DAY.exec(text);
  if (!match) return undefined;
  const [month, day] = [Number(match[1]), Number(match[2])];
  return isValidDate(2000, month, day) ? { month, day } : undefined;
}

/** The month-day in `year`, or undefined when it does not exist there (02-29 in a common year). */
export function monthDayInYear(md: MonthDay, year: number): DayNumber | undefined {
  return isValidDate(year, md.month, md.day) ? dayNumberFromParts(year, md.month, md.day) : undefined;
}
