import { planDayOf, startOfPlanDay, sincePlanMidnight, toPlanIso } from '../../domain/plan-time';

const HOUR_MS = 3_600_000;
const OPENS_AT_HOUR = 6;
const CLOSES_AT_HOUR = 22;

export type ZnsSendWindow = { open: true } | { open: false; notBefore: string };

/** Whether ZNS may be called at `now`: templates may not be sent 22:00–06:00 local (error -133). */
export function znsSendWindow(now: Date): ZnsSendWindow {
  const since = sincePlanMidnight(now.getTime());
  if (since >= OPENS_AT_HOUR * HOUR_MS && since < CLOSES_AT_HOUR * HOUR_MS) return { open: true };
  return { open: false, notBefore: nextMorning(now) };
}

/** The first 06:00 local strictly after `now` (the same day before 06:00, otherwise the next day). */
export function nextMorning(now: Date): string {
  const today = planDayOf(now.getTime());
  const todaySix = morningOf(today);
  return toPlanIso(todaySix > now.getTime() ? todaySix : morningOf(today + 1));
}

/** 06:00 local of the calendar day after `now`'s local day: when daily limits (-144, -147) have reset. */
export function nextDayMorning(now: Date): string {
  return toPlanIso(morningOf(planDayOf(now.getTime()) + 1));
}

function morningOf(day: number): number {
  return startOfPlanDay(day) + OPENS_AT_HOUR * HOUR_MS;
}
