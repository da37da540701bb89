import ical, { ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import { DateTime } from 'luxon';
import type { DeadlineNotification, ObligationNotice } from '../../domain/notifications/notification';
import { PLAN_TIME_ZONE } from '../../domain/plan-time';
import { EmailRenderError } from './email-render-error';
import { dayWithWeekday, planLine } from './vietnamese-format';

/** 08:00 plan time on the day before the due date, for an all-day event starting at 00:00. */
const ALARM_SECONDS_BEFORE = 16 * 3600;

/**
 * Stable per plan, year, unit and obligation, so that every reminder and escalation about one deadline updates the
 * same calendar entry instead of adding another.
 */
export function deadlineEventUid(planId: string, year: number, unitId: string, obligationId: string): string {
  return `${planId}.${year}.${unitId}.${obligationId}@dondoc`;
}

function describe(notification: DeadlineNotification, obligation: ObligationNotice): string {
  const lines = [
    `${notification.unit.name} nộp ${obligation.title} trước 24:00 ${dayWithWeekday(obligation.dueDate)}.`,
    `Kế hoạch: ${planLine(notification.plan)}.`,
    `Nơi nhận: ${notification.supervisorName}.`,
  ];
  if (obligation.submissionUrl) lines.push(`Nộp tại: ${obligation.submissionUrl}`);
  return lines.join('\n');
}

/** Calendars kept for the emails still to render: a moment mails every person of a unit the same one. */
const CALENDAR_CACHE_SIZE = 256;
const calendars = new Map<string, string>();

/**
 * An iCalendar text with one all-day event per obligation on its effective due date. Serializing one costs about a
 * millisecond (ical-generator measures every line's bytes to fold it), and a moment renders the same calendar for
 * each of a unit's people: the text is kept by everything it is made of.
 */
export function deadlineCalendar(notification: DeadlineNotification): string {
  const { plan, unit, supervisorName, scheduledAt, obligations } = notification;
  const key = JSON.stringify([plan, unit, supervisorName, scheduledAt, obligations]);
  const cached = calendars.get(key);
  if (cached !== undefined) return cached;
  const text = buildCalendar(notification);
  if (calendars.size >= CALENDAR_CACHE_SIZE) calendars.delete(calendars.keys().next().value as string);
  calendars.set(key, text);
  return text;
}

function buildCalendar(notification: DeadlineNotification): string {
  // DTSTAMP comes from the schedule instant, not the clock: a re-rendered email must be byte-identical.
  const stamp = DateTime.fromISO(notification.scheduledAt, { setZone: true });
  if (!stamp.isValid) {
    throw new EmailRenderError('EMAIL_RENDER_FAILED', `Bad scheduledAt "${notification.scheduledAt}"`);
  }
  const calendar = ical({
    prodId: { company: 'dondoc', product: 'dondoc', language: 'VI' },
    method: ICalCalendarMethod.PUBLISH,
    name: `Hạn nộp — ${notification.plan.title}`,
  });
  for (const obligation of notification.obligations) {
    const { plan, unit } = notification;
    const event = calendar.createEvent({
      id: deadlineEventUid(plan.id, plan.year, unit.id, obligation.id),
      start: DateTime.fromISO(obligation.dueDate, { zone: PLAN_TIME_ZONE }),
      allDay: true,
      stamp,
      summary: `Hạn nộp: ${obligation.title}`,
      description: describe(notification, obligation),
      url: obligation.submissionUrl ?? null,
    });
    event.createAlarm({
      type: ICalAlarmType.display,
      trigger: ALARM_SECONDS_BEFORE,
      description: `Ngày mai là hạn nộp ${obligation.title}`,
    });
  }
  const text = calendar.toString();
  // RFC 5545 ends every content line, the last one included, with CRLF.
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
