import type { CalendarYear } from '../../domain/calendar';
import type { ObligationStateName, UnitStatus } from '../../domain/cycle/unit-status';
import {
  daysInMonth,
  dayNumberFromParts,
  formatLocalDate,
  isWeekend,
  parseLocalDate,
  type DayNumber,
} from '../../domain/local-date';
import type { Plan } from '../../domain/plan/plan-schema';
import { planDayOf } from '../../domain/plan-time';

/** The states in the order the bars stack them: what is settled first, what is still open last. */
export const CHART_STATES = ['submitted-on-time', 'submitted-late', 'overdue', 'waived', 'pending'] as const;

/** The charts' short names of the states (`pending` is only ever before its due date, `overdue` is not submitted). */
export const CHART_STATE_LABELS: Record<ObligationStateName, string> = {
  'submitted-on-time': 'Đúng hạn',
  'submitted-late': 'Trễ hạn',
  overdue: 'Chưa nộp (quá hạn)',
  waived: 'Được miễn',
  pending: 'Chưa đến hạn',
};

export type StateCounts = Record<ObligationStateName, number>;

/** One obligation's units by state. */
export interface ObligationBar {
  id: string;
  title: string;
  counts: StateCounts;
  /** Units the obligation applies to. */
  total: number;
}

/** A day on which first submissions arrived. */
export interface ProgressDay {
  date: string;
  submitted: number;
  /** Submissions up to and including this day. */
  cumulative: number;
}

/** A due date of the plan (before extensions) and the obligations due on it. */
export interface Deadline {
  date: string;
  titles: string[];
}

export interface Progress {
  /** First day shown (`YYYY-MM-DD`). */
  from: string;
  /** Last day shown. */
  to: string;
  days: ProgressDay[];
  deadlines: Deadline[];
  /** What must be submitted in all: every unit's obligations, the waived ones excepted. */
  required: number;
  /** Today, when it falls between `from` and `to`. */
  today?: string;
  /** Where the line stops: today, or `to` once today is past it, or the last submission of a cycle not begun yet. */
  lineEnds: string;
}

export interface LateUnit {
  unitId: string;
  name: string;
  late: number;
  overdue: number;
  total: number;
}

export type CalendarDayKind = 'working' | 'weekend' | 'day-off' | 'working-weekend';

export interface CalendarDay {
  date: string;
  day: number;
  kind: CalendarDayKind;
  /** The holiday's or the làm-bù day's name. */
  name?: string;
  /** The obligations due that day. */
  deadlines: string[];
  today: boolean;
}

export interface CalendarMonth {
  month: number;
  days: CalendarDay[];
  working: number;
  weekend: number;
  dayOff: number;
  workingWeekend: number;
  deadlineDates: string[];
}

export interface CycleCharts {
  obligations: ObligationBar[];
  progress?: Progress;
  lateUnits: LateUnit[];
  /** Units with at least one late or overdue obligation (the chart shows the first ten). */
  lateUnitCount: number;
  calendar: { year: number; months: CalendarMonth[] };
}

export interface CycleChartsInput {
  /** The plan's obligations give the bars' order and titles. */
  plan: { obligations: readonly Pick<Plan['obligations'][number], 'id' | 'title'>[] };
  year: number;
  /** Every unit's status, as the reader gives them (states re-derived at the core's clock). */
  statuses: readonly UnitStatus[];
  /** `planCalendar(plan, announced).describeYear(year)`. */
  calendarYear: CalendarYear;
  nowMs: number;
}

/** How many units the late chart shows. */
export const LATE_UNITS_SHOWN = 10;

/** The numbers of the dashboard's four pictures of a cycle, computed from its units' statuses and its calendar. */
export function cycleCharts(input: CycleChartsInput): CycleCharts {
  const late = lateUnits(input.statuses);
  const overTime = progress(input);
  return {
    obligations: obligationBars(input),
    ...(overTime && { progress: overTime }),
    lateUnits: late.slice(0, LATE_UNITS_SHOWN),
    lateUnitCount: late.length,
    calendar: { year: input.year, months: calendarMonths(input) },
  };
}

function emptyCounts(): StateCounts {
  return { 'submitted-on-time': 0, 'submitted-late': 0, overdue: 0, waived: 0, pending: 0 };
}

/** The plan's obligations in plan order, then any that only the units know (a plan amended since they started). */
function obligationTitles(input: Pick<CycleChartsInput, 'plan' | 'statuses'>): Map<string, string> {
  const titles = new Map(input.plan.obligations.map((o) => [o.id, o.title] as const));
  for (const status of input.statuses)
    for (const o of status.obligations) if (!titles.has(o.id)) titles.set(o.id, o.title);
  return titles;
}

function obligationBars(input: CycleChartsInput): ObligationBar[] {
  return [...obligationTitles(input)].map(([id, title]) => {
    const counts = emptyCounts();
    for (const status of input.statuses) for (const o of status.obligations) if (o.id === id) counts[o.state] += 1;
    return { id, title, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
  });
}

function deadlinesOf(input: Pick<CycleChartsInput, 'plan' | 'statuses'>): Deadline[] {
  const titles = obligationTitles(input);
  const byDate = new Map<string, Set<string>>();
  for (const status of input.statuses)
    for (const o of status.obligations) {
      const ids = byDate.get(o.nominalDueDate) ?? new Set<string>();
      ids.add(o.id);
      byDate.set(o.nominalDueDate, ids);
    }
  return [...byDate]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, ids]) => ({ date, titles: [...titles].filter(([id]) => ids.has(id)).map(([, title]) => title) }));
}

function progress(input: CycleChartsInput): Progress | undefined {
  const perDay = new Map<DayNumber, number>();
  let required = 0;
  for (const status of input.statuses)
    for (const o of status.obligations) {
      if (o.state === 'waived') continue;
      required += 1;
      const submittedMs = Date.parse(o.submissions[0]?.submittedAt ?? '');
      if (Number.isNaN(submittedMs)) continue;
      const day = planDayOf(submittedMs);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
  const deadlines = deadlinesOf(input);
  const deadlineDays = deadlines.flatMap((d) => parseLocalDate(d.date) ?? []);
  const days = [...perDay.keys(), ...deadlineDays];
  if (days.length === 0) return undefined;
  const from = Math.min(...days);
  const today = planDayOf(input.nowMs);
  const to = Math.max(...days, today >= from ? Math.min(today, dayNumberFromParts(input.year, 12, 31)) : from);
  let cumulative = 0;
  const progressDays = [...perDay]
    .sort(([a], [b]) => a - b)
    .map(([day, submitted]) => {
      cumulative += submitted;
      return { date: formatLocalDate(day), submitted, cumulative };
    });
  const lastSubmission = Math.max(from, ...perDay.keys());
  return {
    from: formatLocalDate(from),
    to: formatLocalDate(to),
    lineEnds: formatLocalDate(today >= from ? Math.max(Math.min(today, to), lastSubmission) : lastSubmission),
    days: progressDays,
    deadlines,
    required,
    ...(today >= from && today <= to && { today: formatLocalDate(today) }),
  };
}

function lateUnits(statuses: readonly UnitStatus[]): LateUnit[] {
  return statuses
    .map((status) => {
      const late = status.obligations.filter((o) => o.state === 'submitted-late').length;
      const overdue = status.obligations.filter((o) => o.state === 'overdue').length;
      return { unitId: status.unit.id, name: status.unit.name, late, overdue, total: late + overdue };
    })
    .filter((unit) => unit.total > 0)
    .sort((a, b) => b.total - a.total || b.overdue - a.overdue || a.name.localeCompare(b.name, 'vi'));
}

function calendarMonths(input: CycleChartsInput): CalendarMonth[] {
  const { year, calendarYear } = input;
  const daysOff = new Map(calendarYear.daysOff.map((d) => [d.date, d.name] as const));
  const workingWeekend = new Map(calendarYear.workingWeekendDays.map((d) => [d.date, d.name] as const));
  const deadlines = new Map(deadlinesOf(input).map((d) => [d.date, d.titles] as const));
  const today = formatLocalDate(planDayOf(input.nowMs));
  return Array.from({ length: 12 }, (_, index): CalendarMonth => {
    const month = index + 1;
    const days = Array.from({ length: daysInMonth(year, month) }, (_, d): CalendarDay => {
      const dayNumber = dayNumberFromParts(year, month, d + 1);
      const date = formatLocalDate(dayNumber);
      const offName = daysOff.get(date);
      const workedName = workingWeekend.get(date);
      const kind: CalendarDayKind =
        workedName !== undefined
          ? 'working-weekend'
          : offName !== undefined
            ? 'day-off'
            : isWeekend(dayNumber)
              ? 'weekend'
              : 'working';
      const name = workedName ?? offName;
      return {
        date,
        day: d + 1,
        kind,
        ...(name !== undefined && { name }),
        deadlines: deadlines.get(date) ?? [],
        today: date === today,
      };
    });
    const count = (kind: CalendarDayKind) => days.filter((d) => d.kind === kind).length;
    return {
      month,
      days,
      working: count('working') + count('working-weekend'),
      weekend: count('weekend'),
      dayOff: count('day-off'),
      workingWeekend: count('working-weekend'),
      deadlineDates: days.filter((d) => d.deadlines.length > 0).map((d) => d.date),
    };
  });
}
