import { daysInMonth, isValidDate } from '../local-date';

export type DraftDue = { date: string } | { daysAfterIssue: number };

/** The period a report covers, for its id (`bao-cao-6-thang`) and title ("Báo cáo 6 tháng"). */
export interface Period {
  slug: string;
  label: string;
}

/** One due date read from a clause; `guess` says why it is not literally what the text says. */
export interface DuePhrase {
  due: DraftDue;
  period?: Period;
  guess?: string;
  /** The words the date came from, as written. */
  phrase: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "MM-DD" (every year) or "YYYY-MM-DD" when the text names the year; undefined for a day that does not exist. */
export function dueDate(day: number, month: number, year?: number): DraftDue | undefined {
  if (!isValidDate(year ?? 2001, month, day)) return undefined;
  return { date: year === undefined ? `${pad(month)}-${pad(day)}` : `${year}-${pad(month)}-${pad(day)}` };
}

const PERIODS: readonly [RegExp, Period][] = [
  [/^(6|sáu) tháng/i, { slug: '6-thang', label: '6 tháng' }],
  [/^(9|chín) tháng/i, { slug: '9-thang', label: '9 tháng' }],
  [/^(một năm|cả năm|hằng năm|hàng năm|năm)/i, { slug: 'nam', label: 'năm' }],
];

export function periodOf(words: string): Period | undefined {
  return PERIODS.find(([pattern]) => pattern.test(words.trim()))?.[1];
}

/** "định kỳ 6 tháng (10/5), một năm (30/10)": one date per period. */
export function periodicDates(clause: string): DuePhrase[] {
  const pattern =
    /((?:6|sáu|9|chín) tháng|một năm|cả năm|hằng năm|hàng năm|năm)\s*\(\s*(?:(?:trước|chậm nhất(?: là)?)\s+)?(?:ngày\s+)?(\d{1,2})\/(\d{1,2})\s*\)/giu;
  const found: DuePhrase[] = [];
  for (const match of clause.matchAll(pattern)) {
    const period = periodOf(match[1] ?? '');
    const due = dueDate(Number(match[2]), Number(match[3]));
    if (period && due) found.push({ due, period, phrase: match[0] });
  }
  return found;
}

/** "trước ngày 10/5", "chậm nhất ngày 30/6/2023", "trước ngày 15 tháng 12 hằng năm". */
export function byDate(clause: string): DuePhrase[] {
  const pattern =
    /(?:trước|chậm nhất(?: là)?|hạn chót(?: là)?|hạn cuối(?: là)?|không quá|đến hết)\s+ngày\s+(\d{1,2})(?:\/(\d{1,2})(?:\/(\d{4}))?|\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?)/iu;
  const match = pattern.exec(clause);
  if (!match) return [];
  const month = Number(match[2] ?? match[4]);
  const year = match[3] ?? match[5];
  const due = dueDate(Number(match[1]), month, year === undefined ? undefined : Number(year));
  if (!due) return [];
  const yearly = /h[ằà]ng năm/i.test(clause) ? periodOf('năm') : undefined;
  return [{ due, ...(yearly ? { period: yearly } : {}), phrase: match[0] }];
}

/** "chậm nhất 15 ngày kể từ ngày ban hành"; working days become calendar days (7 for every 5), as a guess. */
export function daysAfterIssue(clause: string): DuePhrase[] {
  const pattern =
    /(?:chậm nhất|trong vòng|trong thời hạn|trong|không quá|sau)\s+(\d{1,3})\s+ngày\s*(làm việc)?,?\s+(?:kể\s+)?từ\s+(?:ngày|khi)\s+(?:Kế hoạch(?: này)?\s+(?:được\s+)?)?(?:ban hành|ký)(?:\s+(?:Kế hoạch|văn bản)(?:\s+này)?)?/iu;
  const match = pattern.exec(clause);
  if (!match) return [];
  const days = Number(match[1]);
  if (match[2] === undefined) return [{ due: { daysAfterIssue: days }, phrase: match[0] }];
  const calendarDays = Math.ceil((days * 7) / 5);
  return [
    {
      due: { daysAfterIssue: calendarDays },
      guess: `${days} ngày làm việc tính thành ${calendarDays} ngày lịch (kế hoạch chỉ ghi được ngày lịch)`,
      phrase: match[0],
    },
  ];
}

const QUARTERS: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** "trong quý III" → the last day of the quarter (a guess: the text names no day). */
export function withinQuarter(clause: string): DuePhrase[] {
  const match = /trong quý\s+(IV|I{1,3}|[1-4])\b(?:\s*(?:\/|năm)\s*(\d{4}))?/u.exec(clause);
  const quarter = match?.[1] ? QUARTERS[match[1]] : undefined;
  if (!match || quarter === undefined) return [];
  const month = quarter * 3;
  const year = match[2] === undefined ? undefined : Number(match[2]);
  const due = dueDate(daysInMonth(year ?? 2001, month), month, year);
  if (!due) return [];
  return [{ due, guess: `«${match[0]}» không ghi ngày: lấy ngày cuối quý`, phrase: match[0] }];
}

/** "trong tháng 6" → the last day of that month (a guess). */
export function withinMonth(clause: string): DuePhrase[] {
  const match = /trong tháng\s+(\d{1,2})(?:(?:\/|\s+năm\s+)(\d{4}))?/u.exec(clause);
  if (!match) return [];
  const month = Number(match[1]);
  const year = match[2] === undefined ? undefined : Number(match[2]);
  if (month < 1 || month > 12) return [];
  const due = dueDate(daysInMonth(year ?? 2001, month), month, year);
  if (!due) return [];
  return [{ due, guess: `«${match[0]}» không ghi ngày: lấy ngày cuối tháng`, phrase: match[0] }];
}

/**
 * "hằng quý" / "hằng tháng": a plan has no repeating obligation, so each period becomes its own obligation,
 * due on the day the text names ("trước ngày 20") in the period's last month, else on its last day (a guess).
 */
export function recurring(clause: string): DuePhrase[] {
  const every = /h[ằà]ng (quý|tháng)/iu.exec(clause);
  if (!every) return [];
  const quarterly = every[1]?.toLowerCase() === 'quý';
  const day = /(?:trước|chậm nhất(?: là)?)\s+ngày\s+(\d{1,2})(?![/\d])(?!\s+tháng\s+\d)/iu.exec(clause)?.[1];
  const months = quarterly ? [3, 6, 9, 12] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  return months.flatMap((month, i) => {
    const dayOfMonth = day === undefined ? daysInMonth(2001, month) : Math.min(Number(day), daysInMonth(2001, month));
    const due = dueDate(dayOfMonth, month);
    if (!due) return [];
    const period = quarterly
      ? { slug: `quy-${i + 1}`, label: `quý ${i + 1}` }
      : { slug: `thang-${month}`, label: `tháng ${month}` };
    const where = quarterly ? 'tháng cuối quý' : 'tháng';
    const guess =
      day === undefined
        ? `«${every[0]}» không ghi ngày: lấy ngày cuối ${quarterly ? 'quý' : 'tháng'}`
        : `«${every[0]}»: ngày ${day} của ${where}`;
    return [{ due, period, guess, phrase: every[0] }];
  });
}

/** Every rule in order; the first that reads a date wins. */
export function duePhrases(clause: string): DuePhrase[] {
  for (const rule of [periodicDates, recurring, byDate, daysAfterIssue, withinQuarter, withinMonth]) {
    const found = rule(clause);
    if (found.length > 0) return found;
  }
  return [];
}
