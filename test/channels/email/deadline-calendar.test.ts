import { deadlineCalendar, deadlineEventUid } from '../../../channels/email/deadline-calendar';
import { renderEmail } from '../../../channels/email/render-email';
import { parseIcs, prop } from './ics';
import { escalation, LINK, reminder, SELF_CHECK, YEARLY } from './notifications';

describe('deadlineCalendar', () => {
  it('is a valid calendar: CRLF, folded at 75 octets, balanced components, PUBLISH', () => {
    const calendar = parseIcs(deadlineCalendar(reminder()));
    expect(calendar.name).toBe('VCALENDAR');
    expect(prop(calendar, 'VERSION')).toBe('2.0');
    expect(prop(calendar, 'METHOD')).toBe('PUBLISH');
    expect(calendar.children.map((c) => c.name)).toEqual(['VEVENT']);
  });

  it('is the same text for every person of a unit, and another one when anything it shows changes', () => {
    const first = deadlineCalendar(reminder());
    expect(deadlineCalendar(reminder({ key: 'another person’s send' }))).toBe(first);
    const later = deadlineCalendar(reminder({ scheduledAt: '2022-10-24T08:00:00+07:00' }));
    expect(later).not.toBe(first);
    expect(later).toContain('DTSTAMP:20221024T010000Z');
    const renamed = reminder();
    renamed.obligations[0]!.title = 'Báo cáo đã đổi tên';
    expect(deadlineCalendar(renamed)).toContain('SUMMARY:Hạn nộp: Báo cáo đã đổi tên');
    expect(deadlineCalendar(reminder())).toBe(first);
  });

  it('has one all-day event on the effective due date, in Vietnamese, with the link and an alarm the day before', () => {
    const text = deadlineCalendar(reminder());
    expect(text).toContain('DTSTART;VALUE=DATE:20221031\r\n');
    const [event] = parseIcs(text).children;
    expect(prop(event!, 'UID')).toBe('dvcq-ia-pa.2022.xa-ia-tul.bao-cao-nam@dondoc');
    expect(prop(event!, 'SUMMARY')).toBe(`Hạn nộp: ${YEARLY.title}`);
    expect(prop(event!, 'DESCRIPTION')).toContain('UBND xã Ia Tul nộp');
    expect(prop(event!, 'DESCRIPTION')).toContain('trước 24:00 Thứ Hai 31/10/2022.');
    expect(prop(event!, 'DESCRIPTION')).toContain(`Nộp tại: ${LINK}`);
    expect(prop(event!, 'URL')).toBe(LINK);
    const [alarm] = event!.children;
    expect(alarm?.name).toBe('VALARM');
    expect(prop(alarm!, 'TRIGGER')).toBe('-PT16H');
    expect(prop(alarm!, 'ACTION')).toBe('DISPLAY');
  });

  it('stamps from the schedule instant, so a re-render is byte-identical', () => {
    const text = deadlineCalendar(reminder());
    expect(text).toContain('DTSTAMP:20221017T010000Z\r\n');
    expect(deadlineCalendar(reminder())).toBe(text);
  });

  it('keeps the UID across reminders and escalations so calendars update the entry', () => {
    const uid = (text: string) => prop(parseIcs(text).children[0]!, 'UID');
    expect(uid(deadlineCalendar(escalation(2)))).toBe(uid(deadlineCalendar(reminder())));
    expect(deadlineEventUid('p', 2023, 'u', 'o')).not.toBe(deadlineEventUid('p', 2022, 'u', 'o'));
  });

  it('has one event per obligation', () => {
    const obligations = [
      { ...YEARLY, workingDaysLeft: 1 },
      { ...SELF_CHECK, nominalDueDate: '2022-10-31', dueDate: '2022-10-31', workingDaysLeft: 1 },
    ];
    const events = parseIcs(deadlineCalendar(reminder({ obligations }))).children;
    expect(events.map((e) => prop(e, 'UID'))).toEqual([
      'dvcq-ia-pa.2022.xa-ia-tul.bao-cao-nam@dondoc',
      'dvcq-ia-pa.2022.xa-ia-tul.ke-hoach-tu-kiem-tra@dondoc',
    ]);
    expect(events.every((e) => prop(e, 'URL') === undefined)).toBe(true);
  });

  it('is attached to the unit’s reminders and escalations only', () => {
    const attached = renderEmail(reminder(), 'unit').attachments ?? [];
    expect(attached).toEqual([
      expect.objectContaining({ filename: 'han-nop.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }),
    ]);
    expect(renderEmail(escalation(3), 'unit').icalEvent).toBeDefined();
    expect(renderEmail(escalation(3), 'leadership').attachments).toBeUndefined();
  });
});
