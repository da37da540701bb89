import type { WorkingCalendar } from '../calendar';
import {
  dayNumberFromParts,
  formatLocalDate,
  monthDayInYear,
  parseLocalDate,
  parseMonthDay,
  partsFromDayNumber,
  type DayNumber,
} from '../local-date';
import type { EscalationLevel, Obligation, Plan, Reminders } from '../plan/plan-schema';
import { unitsOfObligation } from '../plan/units-of-obligation';
import { byInstant, planInstant } from '../plan-time';
import type { AggregationEvent, CycleSchedule, ScheduleEvent } from './schedule-types';

export interface Cycle {
  year: number;
  issuedOn: DayNumber;
}

/**
 * plan + cycle + calendar → every due date and every reminder, escalation and aggregation instant.
 * Pure: the CLI preview, the workflows' inputs and the tests all come from here.
 */
export function compileSchedule(plan: Plan, cycle: Cycle, calendar: WorkingCalendar): CycleSchedule {
  const items: CycleSchedule['items'] = [];
  const aggregations: AggregationEvent[] = [];
  for (const obligation of plan.obligations) {
    const compiled = compileObligation(plan, obligation, cycle, calendar);
    const nominalDueDate = formatLocalDate(compiled.nominal);
    const dueDate = formatLocalDate(compiled.due);
    for (const unit of unitsOfObligation(plan, obligation)) {
      // Every unit of an obligation shares its instants; per-unit changes (extensions) come later, at run time.
      items.push({ unit: unit.id, obligation: obligation.id, nominalDueDate, dueDate, events: compiled.events });
    }
    if (obligation.aggregate) {
      const day = calendar.addWorkingDays(compiled.due, obligation.aggregate.workingDaysAfterDue);
      aggregations.push({ obligation: obligation.id, at: planInstant(day, obligation.aggregate.at) });
    }
  }
  aggregations.sort(byInstant);
  return {
    plan: plan.id,
    year: cycle.year,
    timezone: plan.timezone,
    issuedOn: formatLocalDate(cycle.issuedOn),
    items,
    aggregations,
  };
}

export interface CompiledObligation {
  nominal: DayNumber;
  due: DayNumber;
  events: ScheduleEvent[];
}

/** The rules that turn a due date into events: the obligation's own, else the plan's defaults. */
export interface EventRules {
  reminders: Reminders;
  escalation: EscalationLevel[];
  repeatEveryWorkingDays: number;
  ifNonWorkingDay: Obligation['ifNonWorkingDay'];
}

export function eventRules(plan: Plan, obligation: Obligation): EventRules {
  return {
    reminders: obligation.reminders ?? plan.defaults.reminders,
    escalation: obligation.escalation ?? plan.defaults.escalation,
    repeatEveryWorkingDays: obligation.repeatEveryWorkingDays ?? plan.defaults.repeatEveryWorkingDays,
    ifNonWorkingDay: obligation.ifNonWorkingDay,
  };
}

/** The due dates and events of one obligation; `dueOverride` is an extension's new nominal date. */
export function compileObligation(
  plan: Plan,
  obligation: Obligation,
  cycle: Cycle,
  calendar: WorkingCalendar,
  dueOverride?: DayNumber,
): CompiledObligation {
  return compileEvents(eventRules(plan, obligation), dueOverride ?? nominalDueDate(obligation, cycle), cycle, calendar);
}

/** Reminders on the k-th working day before the effective due date, the ladder after it, and its repeats. */
export function compileEvents(
  rules: EventRules,
  nominal: DayNumber,
  cycle: Cycle,
  calendar: WorkingCalendar,
): CompiledObligation {
  const due = effectiveDueDate(nominal, rules.ifNonWorkingDay, calendar);
  // Nothing is sent after 31 December of the cycle year (or of the due date's year, if later).
  const lastDay = dayNumberFromParts(Math.max(cycle.year, partsFromDayNumber(due).year), 12, 31);
  const { reminders, escalation: levels, repeatEveryWorkingDays: repeatEvery } = rules;

  const events: ScheduleEvent[] = [];
  const reminderDays = new Set<DayNumber>();
  for (const k of reminders.workingDaysBefore) {
    const day = k === 0 ? calendar.onOrPreviousWorkingDay(due) : calendar.addWorkingDays(due, -k);
    if (day < cycle.issuedOn || day > lastDay || reminderDays.has(day)) continue;
    reminderDays.add(day);
    events.push({ type: 'reminder', at: planInstant(day, reminders.at), workingDaysBefore: k });
  }

  let lastLevelDay: DayNumber | undefined;
  levels.forEach((level, i) => {
    const day = calendar.addWorkingDays(due, level.workingDaysAfter);
    if (day > lastDay) return;
    lastLevelDay = day;
    const at = planInstant(day, level.at);
    events.push({
      type: 'escalation',
      level: i + 1,
      at,
      workingDaysAfter: level.workingDaysAfter,
      notify: level.notify,
      repeat: 0,
    });
  });

  const last = levels[levels.length - 1];
  if (repeatEvery > 0 && last && lastLevelDay !== undefined) {
    let day = lastLevelDay;
    let offset = last.workingDaysAfter;
    for (let repeat = 1; ; repeat++) {
      day = calendar.addWorkingDays(day, repeatEvery);
      offset += repeatEvery;
      if (day > lastDay) break;
      events.push({
        type: 'escalation',
        level: levels.length,
        at: planInstant(day, last.at),
        workingDaysAfter: offset,
        notify: last.notify,
        repeat,
      });
    }
  }

  events.sort(byInstant);
  return { nominal, due, events };
}

export function nominalDueDate(obligation: Obligation, cycle: Cycle): DayNumber {
  if ('daysAfterIssue' in obligation.due) return cycle.issuedOn + obligation.due.daysAfterIssue;
  const text = obligation.due.date;
  const absolute = parseLocalDate(text);
  if (absolute !== undefined) return absolute;
  const monthDay = parseMonthDay(text);
  const day = monthDay && monthDayInYear(monthDay, cycle.year);
  // The schema admits only real MM-DD dates other than 02-29, so this cannot happen for a validated plan.
  if (day === undefined)
    throw new Error(`obligation ${obligation.id}: due date ${text} does not exist in ${cycle.year}`);
  return day;
}

/** Bộ luật Dân sự 2015 Điều 148 k5 (`next`) unless the obligation says `previous` or `keep`. */
export function effectiveDueDate(
  nominal: DayNumber,
  rule: Obligation['ifNonWorkingDay'],
  calendar: WorkingCalendar,
): DayNumber {
  if (rule === 'next') return calendar.onOrNextWorkingDay(nominal);
  if (rule === 'previous') return calendar.onOrPreviousWorkingDay(nominal);
  return nominal;
}
