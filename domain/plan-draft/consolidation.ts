import { dayNumberFromParts, daysInMonth, formatLocalDate, partsFromDayNumber } from '../local-date';
import type { DraftDue, DuePhrase } from './date-phrases';
import { titleText } from './obligation-words';
import type { DraftObligation } from './obligations';
import { capitalize } from './slug';

export const CONSOLIDATION = /\btổng hợp,?\s+(?:và\s+)?báo cáo\b/iu;
/** A consolidation of the units' reports without its own date: this many days after theirs. */
const CONSOLIDATION_LAG_DAYS = 10;

/**
 * `days` after a due date, rounded up to the next 10th, 20th or last day of a month: the marks a consolidated
 * report usually takes. undefined for a due date counted from the issue day.
 */
function laterMark(due: DraftDue, days: number): DraftDue | undefined {
  if (!('date' in due)) return undefined;
  const yearly = due.date.length === 5;
  const [year, month, day] = (yearly ? `2001-${due.date}` : due.date).split('-').map(Number);
  const later = partsFromDayNumber(dayNumberFromParts(year ?? 2001, month ?? 1, day ?? 1) + days);
  const mark = later.day <= 10 ? 10 : later.day <= 20 ? 20 : daysInMonth(later.year, later.month);
  const text = formatLocalDate(dayNumberFromParts(later.year, later.month, mark));
  return { date: yearly ? text.slice(5) : text };
}

/** "tổng hợp báo cáo UBND huyện": the supervisor's consolidation of each dated report of the units. */
export function consolidationObligations(
  consolidation: { unit: string; source: string; dues: DuePhrase[]; clause: string },
  obligations: readonly DraftObligation[],
): DraftObligation[] {
  const base = {
    appliesTo: { units: [consolidation.unit] },
    deliverable: 'document' as const,
    source: consolidation.source,
  };
  if (consolidation.dues.length > 0) {
    const start = CONSOLIDATION.exec(consolidation.clause)?.index ?? 0;
    const title = capitalize(titleText(consolidation.clause, start, consolidation.dues));
    return consolidation.dues.map((due) => ({
      ...base,
      id: `tong-hop-bao-cao${due.period ? `-${due.period.slug}` : ''}`,
      title: due.period ? `${title} ${due.period.label}` : title,
      due: due.due,
      guesses: due.guess ? { due: due.guess } : {},
    }));
  }
  return (
    obligations
      // Only the reports of many units are consolidated; one unit's own report goes up as it is.
      .filter((o) => o.deliverable === 'report' && o.appliesTo.kinds && o.due && 'date' in o.due)
      .flatMap((report) => {
        const due = report.due ? laterMark(report.due, CONSOLIDATION_LAG_DAYS) : undefined;
        if (!due) return [];
        return [
          {
            ...base,
            id: `tong-hop-${report.id}`,
            title: `Tổng hợp ${report.title.charAt(0).toLocaleLowerCase('vi')}${report.title.slice(1)}`,
            due,
            guesses: {
              due: `câu không ghi hạn tổng hợp: ít nhất ${CONSOLIDATION_LAG_DAYS} ngày sau hạn báo cáo của các đơn vị (${report.id}), làm tròn lên ngày 10, 20 hoặc cuối tháng`,
            },
          },
        ];
      })
  );
}
