import { formatLocalDate, type DayNumber } from '../local-date';

/** Vietnam has kept UTC+7 without daylight saving since 1975, so plan time is a fixed offset. */
export const PLAN_UTC_OFFSET = '+07:00';
const OFFSET_MS = 7 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** `day` at `time` ("08:00") in plan time, as ISO 8601 with offset: "2022-10-17T08:00:00+07:00". */
export function planInstant(day: DayNumber, time: string): string {
  return `${formatLocalDate(day)}T${time}:00${PLAN_UTC_OFFSET}`;
}

/** The plan-time calendar day of an instant (epoch milliseconds). */
export function planDayOf(epochMs: number): DayNumber {
  return Math.floor((epochMs + OFFSET_MS) / DAY_MS);
}

/** Epoch milliseconds of 24:00 at the end of `day` in plan time: the on-time limit of a due date. */
export function endOfPlanDay(day: DayNumber): number {
  return (day + 1) * DAY_MS - OFFSET_MS;
}

/** An instant as ISO 8601 in plan time, to the second: "2022-10-17T08:00:05+07:00". */
export function toPlanIso(epochMs: number): string {
  const shifted = new Date(Math.floor(epochMs / 1000) * 1000 + OFFSET_MS).toISOString();
  return `${shifted.slice(0, 19)}${PLAN_UTC_OFFSET}`;
}

/** Orders by `at`: instants in plan time share one offset, so their text sorts chronologically. */
export function byInstant(a: { at: string }, b: { at: string }): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : 0;
}

/** Notifications go out between these local hours only (DESIGN.md); anything due outside them is held. */
export const SENDING_HOURS = { from: 7, to: 21 } as const;

/** `epochMs` itself when it falls within the sending hours, else the next 07:00 in plan time. */
export function withinSendingHours(epochMs: number): number {
  const hour = 3600 * 1000;
  const sinceMidnight = (epochMs + OFFSET_MS) % DAY_MS;
  if (sinceMidnight >= SENDING_HOURS.from * hour && sinceMidnight < SENDING_HOURS.to * hour) return epochMs;
  const opens = epochMs - sinceMidnight + SENDING_HOURS.from * hour;
  return opens > epochMs ? opens : opens + DAY_MS;
}
