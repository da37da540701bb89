import { formatLocalDate, parseLocalDate, type DayNumber } from '../../domain/local-date';
import {
  formatDayWithWeekday,
  formatVietnameseDate,
  parsePlanDateTime,
  planClock,
  planDayOf,
} from '../../domain/plan-time';
import { EmailRenderError } from './email-render-error';

// Unlike a page, an email that went out cannot be corrected: a date it cannot read stops the render.
function dayOf(date: string): DayNumber {
  const day = parseLocalDate(date);
  if (day === undefined) throw new EmailRenderError('EMAIL_RENDER_FAILED', `Not a YYYY-MM-DD date: "${date}"`);
  return day;
}

/** `2022-10-31` → `Thứ Hai 31/10/2022`. */
export function dayWithWeekday(date: string): string {
  return formatDayWithWeekday(dayOf(date));
}

/** `2022-10-31` → `31/10/2022`. */
export function shortDay(date: string): string {
  return formatVietnameseDate(dayOf(date));
}

export interface LocalInstant {
  /** `YYYY-MM-DD` in plan time. */
  date: string;
  /** `HH:mm` in plan time. */
  time: string;
  /** `Thứ Hai 17/10/2022`. */
  day: string;
  /** `08:00 Thứ Hai 17/10/2022`. */
  full: string;
}

/** An ISO instant with any offset, shown as a plan-time date and time. */
export function localInstant(iso: string): LocalInstant {
  const epochMs = parsePlanDateTime(iso);
  if (epochMs === undefined) throw new EmailRenderError('EMAIL_RENDER_FAILED', `Not an ISO 8601 instant: "${iso}"`);
  const planDay = planDayOf(epochMs);
  const day = formatDayWithWeekday(planDay);
  const time = planClock(epochMs);
  return { date: formatLocalDate(planDay), time, day, full: `${time} ${day}` };
}

/** `còn 5 ngày làm việc` · `hôm nay là hạn cuối` · `đã quá hạn 3 ngày làm việc`. */
export function workingDaysPhrase(workingDaysLeft: number): string {
  if (workingDaysLeft > 0) return `còn ${workingDaysLeft} ngày làm việc`;
  if (workingDaysLeft === 0) return 'hôm nay là hạn cuối';
  return `đã quá hạn ${-workingDaysLeft} ngày làm việc`;
}

/** The plan as quoted in every message: its title with the cycle year, then its document reference. */
export function planLine(plan: { title: string; reference?: string; year: number }): string {
  const title = /năm \d{4}\s*$/.test(plan.title) ? plan.title : `${plan.title} năm ${plan.year}`;
  return plan.reference ? `${title} (${plan.reference})` : title;
}
