import { addDays, type LocalDate } from './working-days-2022';

// Plan time is Asia/Ho_Chi_Minh, UTC+7 all year (no daylight saving), so a fixed offset is exact.
const OFFSET = '+07:00';

/** `2022-05-10`, `08:00` → `2022-05-10T08:00:00+07:00`, the form every output of the simulation uses. */
export function planInstant(date: LocalDate, time: string): string {
  return `${date}T${time}:00${OFFSET}`;
}

/** 24:00 plan time of `date`, in epoch milliseconds: a submission strictly before it is on time. */
export function endOfPlanDayMs(date: LocalDate): number {
  return Date.parse(`${addDays(date, 1)}T00:00:00${OFFSET}`);
}

/** The plan-time calendar date of an instant written with the +07:00 offset. */
export function planDateOf(instant: string): LocalDate {
  if (!instant.endsWith(OFFSET)) throw new Error(`not in plan time: ${instant}`);
  return instant.slice(0, 10);
}
