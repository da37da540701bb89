/** Vietnam has no DST: Asia/Ho_Chi_Minh is UTC+7 all year, so fixed-offset arithmetic is exact. */
const OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
const OPENS_AT_HOUR = 6;
const CLOSES_AT_HOUR = 22;

export type ZnsSendWindow = { open: true } | { open: false; notBefore: string };

/** Whether ZNS may be called at `now`: templates may not be sent 22:00–06:00 local (error -133). */
export function znsSendWindow(now: Date): ZnsSendWindow {
  const hour = new Date(now.getTime() + OFFSET_MS).getUTCHours();
  if (hour >= OPENS_AT_HOUR && hour < CLOSES_AT_HOUR) return { open: true };
  return { open: false, notBefore: nextMorning(now) };
}

/** The first 06:00 local strictly after `now` (the same day before 06:00, otherwise the next day). */
export function nextMorning(now: Date): string {
  const local = now.getTime() + OFFSET_MS;
  const todaySix = Math.floor(local / DAY_MS) * DAY_MS + OPENS_AT_HOUR * 3_600_000;
  return formatVietnamTime(todaySix > local ? todaySix : todaySix + DAY_MS);
}

/** 06:00 local of the calendar day after `now`'s local day: when daily limits (-144, -147) have reset. */
export function nextDayMorning(now: Date): string {
  const local = now.getTime() + OFFSET_MS;
  return formatVietnamTime(Math.floor(local / DAY_MS) * DAY_MS + DAY_MS + OPENS_AT_HOUR * 3_600_000);
}

/** `localMs` is a wall-clock time in UTC+7 expressed as epoch ms; prints it as `YYYY-MM-DDTHH:mm:ss+07:00`. */
function formatVietnamTime(localMs: number): string {
  return `${new Date(localMs).toISOString().slice(0, 19)}+07:00`;
}
