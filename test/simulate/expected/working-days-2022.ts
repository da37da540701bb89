import { DAYS_OFF_2022, WORKING_WEEKEND_DAYS_2022 } from './days-off-2022';

/** A calendar date in plan time, `YYYY-MM-DD`. */
export type LocalDate = string;

const YEAR = '2022';
const DAY_MS = 86_400_000;

// Date.UTC is used as a plain calendar for date-only arithmetic. No instant is involved, so neither the plan's
// zone nor the machine's (npm test runs with TZ=America/New_York) can move a date by a day.
function dayNumber(date: LocalDate): number {
  const [year = NaN, month = NaN, day = NaN] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  return new Date(dayNumber(date) * DAY_MS).getUTCDay() || 7;
}

/** Monday to Friday unless a day off, plus the làm-bù weekend days. Only 2022 is known: anything else throws. */
export function isWorkingDay(date: LocalDate): boolean {
  if (!date.startsWith(`${YEAR}-`)) throw new Error(`the oracle's calendar covers ${YEAR} only, not ${date}`);
  if (isoWeekday(date) >= 6) return WORKING_WEEKEND_DAYS_2022.includes(date);
  return !DAYS_OFF_2022.some((off) => off.date === date);
}

/** Bộ luật Dân sự 2015 Điều 148 k5: a last day that is a weekend day or a holiday moves to the next working day. */
export function onOrNextWorkingDay(date: LocalDate): LocalDate {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/**
 * The |n|-th working day after (n > 0) or before (n < 0) `date`; `date` itself when n = 0. Undefined when that day
 * is outside 2022: nothing is sent after 31 December of the cycle year, and the oracle has no 2023 calendar.
 */
export function addWorkingDays(date: LocalDate, n: number): LocalDate | undefined {
  let day = date;
  for (let left = Math.abs(n); left > 0;) {
    day = addDays(day, Math.sign(n));
    if (!day.startsWith(`${YEAR}-`)) return undefined;
    if (isWorkingDay(day)) left--;
  }
  return day;
}
