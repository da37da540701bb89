import ical, { ICalAlarmType } from 'ical-generator';
import { DateTime } from 'luxon';
import { deadlineEventUid } from '../../../channels/email/deadline-calendar';
import { PLAN_TIME_ZONE, vnDayWithWeekday } from '../../../domain/plan-time';
import type { UnitInbox } from './unit-inbox';

/** 08:00 plan time on the day before the due date, for an all-day event starting at 00:00. */
const ALARM_SECONDS_BEFORE = 16 * 3600;

/**
 * The unit's deadlines as a subscription feed: one all-day event per obligation still to submit, with the UID of the
 * emailed `.ics` (plan, year, unit, obligation) so it is the same entry. An extension moves the event and raises its
 * SEQUENCE and LAST-MODIFIED; a submission or a waiver removes it, which is what subscribed calendars (Google,
 * Outlook) act on at their next refresh (a CANCELLED event in a feed is shown struck through by some, not at all by
 * others). Stamps come from the cycle, never the clock: an unchanged unit gives the same bytes.
 */
export function inboxCalendar(inbox: UnitInbox, origin: string): string {
  const calendar = ical({
    prodId: { company: 'dondoc', product: 'dondoc', language: 'VI' },
    name: `Hạn nộp — ${inbox.unit.name}`,
    description: `Các hạn nộp của ${inbox.unit.name} trong mọi kế hoạch đang thực hiện`,
    // REFRESH-INTERVAL and X-PUBLISHED-TTL: Outlook and Apple re-read about hourly (Google polls on its own).
    ttl: 3600,
  });
  for (const entry of inbox.entries) {
    if (!entry.open) continue;
    const { obligation } = entry;
    const modified = entry.changedAt ?? inbox.startedAt;
    const stamp = modified
      ? DateTime.fromISO(modified, { setZone: true })
      : DateTime.fromISO(obligation.nominalDueDate);
    const event = calendar.createEvent({
      id: deadlineEventUid(entry.planId, entry.year, inbox.unit.id, obligation.id),
      sequence: obligation.extensions.length,
      start: DateTime.fromISO(obligation.dueDate, { zone: PLAN_TIME_ZONE }),
      allDay: true,
      stamp,
      ...(entry.changedAt && { lastModified: DateTime.fromISO(entry.changedAt, { setZone: true }) }),
      summary: `Hạn nộp: ${obligation.title}`,
      description: [
        `${inbox.unit.name} nộp ${obligation.title} trước 24:00 ${vnDayWithWeekday(obligation.dueDate)}.`,
        `Kế hoạch: ${entry.planTitle} năm ${entry.year}.`,
        `Nơi nhận: ${entry.supervisorName}.`,
        `Nộp tại: ${origin}${entry.submitPath}`,
      ].join('\n'),
      url: `${origin}${entry.submitPath}`,
    });
    event.createAlarm({
      type: ICalAlarmType.display,
      trigger: ALARM_SECONDS_BEFORE,
      description: `Ngày mai là hạn nộp ${obligation.title}`,
    });
  }
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
