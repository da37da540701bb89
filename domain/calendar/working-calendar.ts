import { type DayNumber, formatLocalDate, isWeekend, parseLocalDate, yearOfDayNumber } from '../local-date';
import { VIETNAM_TIME_ZONE } from '../lunar';
import type { AnnouncedSchedule, CalendarOverride } from './calendar-data';
import { buildYearTable, type DatedEntry, type DayOffKind, type YearTable } from './year-table';

export interface WorkingCalendarOptions {
  /** Announced per-year schedules (`config/calendars/`); they override the law's rules. */
  announced: readonly AnnouncedSchedule[];
  /** The plan's `calendar.overrides`; they override everything else. */
  overrides?: readonly CalendarOverride[];
  /** Adds Ngày Văn hóa Việt Nam (24/11) as a holiday. @defaultValue false */
  culturalDay?: boolean;
  /** Hours east of UTC for the lunar calendar. @defaultValue 7 */
  tz?: number;
}

/** A weekday that is not worked (`calendar --format json`, `daysOff`). */
export interface CalendarDayOff {
  date: string;
  name: string;
  kind: DayOffKind;
  source?: string;
}

/** A Saturday or Sunday that is worked (làm bù). */
export interface CalendarWorkingWeekendDay {
  date: string;
  name: string;
  source?: string;
}

/** One year of the calendar, exactly as `calendar --format json` prints it. */
export interface CalendarYear {
  year: number;
  daysOff: CalendarDayOff[];
  workingWeekendDays: CalendarWorkingWeekendDay[];
}

export interface WorkingCalendar {
  isWorkingDay(day: DayNumber): boolean;
  /** The first working day strictly after `day`. */
  nextWorkingDay(day: DayNumber): DayNumber;
  /** The last working day strictly before `day`. */
  previousWorkingDay(day: DayNumber): DayNumber;
  onOrNextWorkingDay(day: DayNumber): DayNumber;
  onOrPreviousWorkingDay(day: DayNumber): DayNumber;
  /** k > 0: the k-th working day strictly after `day`; k < 0: the |k|-th strictly before; k = 0: `day`. */
  addWorkingDays(day: DayNumber, k: number): DayNumber;
  /**
   * Working days in (from, to] when to >= from, else minus those in [to, from): the inverse of `addWorkingDays`,
   * e.g. the working days left until a due date, or overdue since it.
   */
  workingDaysBetween(from: DayNumber, to: DayNumber): number;
  /** Why `day` is not worked (a holiday's name, or `Nghỉ cuối tuần`); undefined for a working day. */
  dayOffName(day: DayNumber): string | undefined;
  describeYear(year: number): CalendarYear;
}

export const WEEKEND_NAME = 'Nghỉ cuối tuần';

function groupByYear(entries: readonly DatedEntry[]): Map<number, DatedEntry[]> {
  const byYear = new Map<number, DatedEntry[]>();
  for (const entry of entries) {
    const year = yearOfDayNumber(entry.day);
    const entries = byYear.get(year);
    if (entries) entries.push(entry);
    else byYear.set(year, [entry]);
  }
  return byYear;
}

function dated(entry: { date: string; kind: DatedEntry['kind']; name: string; source?: string }): DatedEntry {
  const day = parseLocalDate(entry.date);
  if (day === undefined) throw new RangeError(`Calendar entry "${entry.name}" has an invalid date: ${entry.date}`);
  return entry.source === undefined
    ? { day, kind: entry.kind, name: entry.name }
    : { day, kind: entry.kind, name: entry.name, source: entry.source };
}

/** The public-service working-day calendar. Years are computed on first use and cached. */
export function createWorkingCalendar(options: WorkingCalendarOptions): WorkingCalendar {
  const rules = { culturalDay: options.culturalDay ?? false, tz: options.tz ?? VIETNAM_TIME_ZONE };
  const announced = groupByYear(options.announced.flatMap((schedule) => schedule.entries.map(dated)));
  const overrides = groupByYear((options.overrides ?? []).map(dated));
  const tables = new Map<number, YearTable>();
  let last: YearTable | undefined;

  function tableOfYear(year: number): YearTable {
    let table = tables.get(year);
    if (!table) {
      table = buildYearTable(year, rules, announced.get(year) ?? [], overrides.get(year) ?? []);
      tables.set(year, table);
    }
    return table;
  }

  function tableOf(day: DayNumber): YearTable {
    // Consecutive calls almost always stay in one year: skip the year computation.
    if (last && day >= last.first && day < last.end) return last;
    last = tableOfYear(yearOfDayNumber(day));
    return last;
  }

  function isWorkingDay(day: DayNumber): boolean {
    const table = tableOf(day);
    return table.working[day - table.first] === 1;
  }

  function step(day: DayNumber, direction: 1 | -1): DayNumber {
    let next = day + direction;
    while (!isWorkingDay(next)) next += direction;
    return next;
  }

  function addWorkingDays(day: DayNumber, k: number): DayNumber {
    if (!Number.isInteger(k)) throw new RangeError(`Working days must be an integer, got ${k}`);
    const direction = k < 0 ? -1 : 1;
    let result = day;
    for (let i = Math.abs(k); i > 0; i--) result = step(result, direction);
    return result;
  }

  function workingDaysBetween(from: DayNumber, to: DayNumber): number {
    let count = 0;
    for (let day = from + 1; day <= to; day++) if (isWorkingDay(day)) count++;
    for (let day = to; day < from; day++) if (isWorkingDay(day)) count--;
    return count;
  }

  function dayOffName(day: DayNumber): string | undefined {
    if (isWorkingDay(day)) return undefined;
    return tableOf(day).notes.get(day)?.name ?? WEEKEND_NAME;
  }

  function describeYear(year: number): CalendarYear {
    const table = tableOfYear(year);
    const description: CalendarYear = { year, daysOff: [], workingWeekendDays: [] };
    const days = [...table.notes.keys()].sort((a, b) => a - b);
    for (const day of days) {
      const note = table.notes.get(day);
      const worked = table.working[day - table.first] === 1;
      if (!note || worked !== isWeekend(day)) continue;
      const date = formatLocalDate(day);
      const source = note.source === undefined ? {} : { source: note.source };
      if (worked) description.workingWeekendDays.push({ date, name: note.name, ...source });
      else if (note.kind !== 'working-day')
        description.daysOff.push({ date, name: note.name, kind: note.kind, ...source });
    }
    return description;
  }

  return {
    isWorkingDay,
    nextWorkingDay: (day) => step(day, 1),
    previousWorkingDay: (day) => step(day, -1),
    onOrNextWorkingDay: (day) => (isWorkingDay(day) ? day : step(day, 1)),
    onOrPreviousWorkingDay: (day) => (isWorkingDay(day) ? day : step(day, -1)),
    addWorkingDays,
    workingDaysBetween,
    dayOffName,
    describeYear,
  };
}
