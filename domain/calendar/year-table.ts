import { type DayNumber, dayNumberFromParts, isWeekend } from '../local-date';
import type { CalendarEntryKind } from './calendar-data';
import { type StatutoryOptions, statutoryDaysOff } from './statutory-days-off';

/** Why a weekday is off, in `calendar` output: by the law's rules, or by an announcement or plan override. */
export type DayOffKind = 'holiday' | 'substitute' | 'announced';

/** An announced or plan entry whose date has been parsed. */
export interface DatedEntry {
  day: DayNumber;
  kind: CalendarEntryKind;
  name: string;
  source?: string;
}

/** What the calendar knows about one day beyond "weekday or weekend". */
export interface DayNote {
  name: string;
  /** `working-day` marks a day worked by an entry; the others mark a day off. */
  kind: DayOffKind | 'working-day';
  source?: string;
}

/** One solar year, computed: `working[day - first]` is 1 for a working day. */
export interface YearTable {
  year: number;
  first: DayNumber;
  /** The day after the year's last day. */
  end: DayNumber;
  working: Uint8Array;
  notes: ReadonlyMap<DayNumber, DayNote>;
}

/**
 * Rules first, then the announced entries, then the plan's overrides: each later layer wins for the dates it names.
 */
export function buildYearTable(
  year: number,
  options: StatutoryOptions,
  announced: readonly DatedEntry[],
  overrides: readonly DatedEntry[],
): YearTable {
  const first = dayNumberFromParts(year, 1, 1);
  const end = dayNumberFromParts(year + 1, 1, 1);
  const working = new Uint8Array(end - first);
  const notes = new Map<DayNumber, DayNote>();
  for (let day = first; day < end; day++) working[day - first] = isWeekend(day) ? 0 : 1;

  for (const dayOff of statutoryDaysOff(year, options)) {
    if (dayOff.day < first || dayOff.day >= end) continue;
    working[dayOff.day - first] = 0;
    notes.set(dayOff.day, { name: dayOff.name, kind: dayOff.kind });
  }
  for (const entry of [...announced, ...overrides]) {
    if (entry.day < first || entry.day >= end) continue;
    const worked = entry.kind === 'working-day';
    working[entry.day - first] = worked ? 1 : 0;
    const note: DayNote = { name: entry.name, kind: worked ? 'working-day' : 'announced' };
    if (entry.source !== undefined) note.source = entry.source;
    notes.set(entry.day, note);
  }
  return { year, first, end, working, notes };
}
