import { formatLocalDate, parseLocalDate, type DayNumber } from '../local-date';

/**
 * Plan time is Vietnam's civil time. Vietnam has kept UTC+7 without daylight saving since 1975, so every conversion
 * here is arithmetic on a fixed offset: no time-zone database, no luxon, safe inside the workflow sandbox.
 */
export const PLAN_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const PLAN_UTC_OFFSET = '+07:00';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const OFFSET_MS = 7 * HOUR_MS;

/** Date, then time to the minute, optional seconds and fraction, optional offset (`Z`, `±HH:MM`, `±HHMM`). */
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([zZ])|([+-])(\d{2}):?(\d{2}))?$/;

/** The plan-time calendar day of an instant (epoch milliseconds). */
export function planDayOf(epochMs: number): DayNumber {
  return Math.floor((epochMs + OFFSET_MS) / DAY_MS);
}

/** Epoch milliseconds of 00:00 at the start of `day` in plan time. */
export function startOfPlanDay(day: DayNumber): number {
  return day * DAY_MS - OFFSET_MS;
}

/** Epoch milliseconds of 24:00 at the end of `day` in plan time: the on-time limit of a due date. */
export function endOfPlanDay(day: DayNumber): number {
  return startOfPlanDay(day + 1);
}

/** Milliseconds since the plan-time midnight that began the instant's day. */
export function sincePlanMidnight(epochMs: number): number {
  return epochMs - startOfPlanDay(planDayOf(epochMs));
}

/**
 * ISO 8601 date-time → epoch milliseconds. Without an offset the text is plan time; with one (`Z`, `+07:00`, `-0500`)
 * it is taken as written. Undefined for anything else, including dates and times that do not exist.
 */
export function parsePlanDateTime(text: string): number | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, date = '', hours, minutes, seconds = '0', fraction = '', zulu, sign, offsetHours, offsetMinutes] = match;
  const day = parseLocalDate(date);
  const [h, m, s] = [Number(hours), Number(minutes), Number(seconds)];
  if (day === undefined || h > 23 || m > 59 || s > 59) return undefined;
  let offsetMs = OFFSET_MS;
  if (zulu) offsetMs = 0;
  else if (sign) {
    const [oh, om] = [Number(offsetHours), Number(offsetMinutes)];
    if (oh > 23 || om > 59) return undefined;
    offsetMs = (sign === '-' ? -1 : 1) * (oh * HOUR_MS + om * MINUTE_MS);
  }
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  return day * DAY_MS + h * HOUR_MS + m * MINUTE_MS + s * 1000 + millis - offsetMs;
}

/** Epoch milliseconds of `time` ("HH:mm", midnight by default) on the plan date `date` ("YYYY-MM-DD"). */
export function atPlanDate(date: string, time = '00:00'): number {
  const epochMs = parsePlanDateTime(`${date}T${time}`);
  if (epochMs === undefined) throw new RangeError(`Not a plan date and time: "${date}" "${time}"`);
  return epochMs;
}

/** `day` at `time` ("08:00") in plan time, as ISO 8601 with offset: "2022-10-17T08:00:00+07:00". */
export function planInstant(day: DayNumber, time: string): string {
  return `${formatLocalDate(day)}T${time}:00${PLAN_UTC_OFFSET}`;
}

/** An instant as ISO 8601 in plan time, to the second ("2022-10-17T08:00:05+07:00") or the millisecond (".250"). */
export function toPlanIso(epochMs: number, precision: 'seconds' | 'milliseconds' = 'seconds'): string {
  const day = planDayOf(epochMs);
  const fraction = precision === 'milliseconds' ? `.${pad(sincePlanMidnight(epochMs) % 1000, 3)}` : '';
  return `${formatLocalDate(day)}T${planClock(epochMs, true)}${fraction}${PLAN_UTC_OFFSET}`;
}

/** The plan-time minute of an instant as `yyyyMMddHHmm`, for file names. */
export function planMinuteStamp(epochMs: number): string {
  return `${formatLocalDate(planDayOf(epochMs)).replace(/-/g, '')}${planClock(epochMs).replace(':', '')}`;
}

/** `HH:mm` (or `HH:mm:ss`) of an instant in plan time. */
export function planClock(epochMs: number, withSeconds = false): string {
  const since = sincePlanMidnight(epochMs);
  const clock = `${pad(Math.floor(since / HOUR_MS), 2)}:${pad(Math.floor((since % HOUR_MS) / MINUTE_MS), 2)}`;
  return withSeconds ? `${clock}:${pad(Math.floor((since % MINUTE_MS) / 1000), 2)}` : clock;
}

/** Orders by `at`: instants in plan time share one offset, so their text sorts chronologically. */
export function byInstant(a: { at: string }, b: { at: string }): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : 0;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
