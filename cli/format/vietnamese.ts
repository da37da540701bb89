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
