import { formatVietnameseDate, parseLocalDate, vietnameseWeekday } from '../../domain/local-date';

/** "2022-10-31" → "Thứ Hai 31/10/2022". */
export function dateWithWeekday(isoDate: string): string {
  const day = parseLocalDate(isoDate);
  return day === undefined ? isoDate : `${vietnameseWeekday(day)} ${formatVietnameseDate(day)}`;
}

/** "2022-10-17T08:00:00+07:00" → { date: "17/10/2022", weekday: "Thứ Hai", time: "08:00" }. */
export function splitInstant(instant: string): { date: string; weekday: string; time: string } {
  const day = parseLocalDate(instant.slice(0, 10));
  return {
    date: day === undefined ? instant.slice(0, 10) : formatVietnameseDate(day),
    weekday: day === undefined ? '' : vietnameseWeekday(day),
    time: instant.slice(11, 16),
  };
}

/** "2031-05-12" → "12/05/2031"; an instant keeps its plan-time date and time: "12/05/2031 15:00". */
export function vnDate(iso: string): string {
  return splitInstant(iso).date;
}

export function vnInstant(iso: string): string {
  const { date, time } = splitInstant(iso);
  return `${date} ${time}`;
}

/** What a reminder says, in the schedule and after an extension. */
export function reminderLabel(workingDaysBefore: number): string {
  return workingDaysBefore === 0 ? 'Nhắc hạn: hôm nay là hạn cuối' : `Nhắc hạn: còn ${workingDaysBefore} ngày làm việc`;
}
