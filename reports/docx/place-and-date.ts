import { partsFromDayNumber } from '../../domain/local-date';
import { parsePlanDateTime, planDayOf } from '../../domain/plan-time';

/**
 * "Ia Pa, ngày 12 tháng 5 năm 2022": the place and date line of Phụ lục I (box 4), in plan time. Days below 10 and
 * months 1 and 2 take a leading zero, no other month does ("ngày 05 tháng 01", "tháng 5").
 */
export function placeAndDate(place: string, at: string): string {
  const epochMs = parsePlanDateTime(at);
  if (epochMs === undefined) return `${place}, ngày      tháng      năm`;
  const { year, month, day } = partsFromDayNumber(planDayOf(epochMs));
  const dayText = String(day).padStart(2, '0');
  const monthText = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return `${place}, ngày ${dayText} tháng ${monthText} năm ${year}`;
}
