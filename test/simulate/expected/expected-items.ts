import { ladderEvents, type LadderEvent } from './ladder-events';
import type { PlanFile, PlanObligation } from './plan-file';
import { endOfPlanDayMs } from './plan-time';
import type { ScenarioAction, ScenarioFile } from './scenario-file';
import { addDays, onOrNextWorkingDay, type LocalDate } from './working-days-2022';

export type ExpectedStatus = 'on-time' | 'late' | 'missing' | 'waived';

/** What should become of one unit × obligation, computed from the plan and the scenario alone. */
export interface ExpectedItem {
  unit: string;
  obligation: string;
  /** The effective due date at the end: the nominal (or extended) date moved to a working day. */
  dueDate: LocalDate;
  /** Each effective due date and the instant from which it holds: the plan's, then one per extension. */
  dueDates: { fromMs: number; dueDate: LocalDate }[];
  submittedAt: string | null;
  status: ExpectedStatus;
  highestEscalationLevel: number;
  /** The first submission or the waiver, in epoch ms; Infinity when neither happens. */
  resolvedAtMs: number;
  /** The reminders and escalations that must go out about this item, in order. */
  events: LadderEvent[];
}

/** Every unit × obligation of the plan for `year` under the scenario. */
export function expectedItems(plan: PlanFile, scenario: ScenarioFile, year: number): ExpectedItem[] {
  const issuedOn = `${year}-${plan.issuedOn}`;
  return plan.obligations.flatMap((obligation) =>
    obligation.units.map((unit) => expectedItem(obligation, unit, scenario, issuedOn)),
  );
}

/** CONTRACTS §1: MM-DD in the cycle year, a full date, or calendar days after the issue date (not counted). */
export function nominalDueDate(obligation: PlanObligation, issuedOn: LocalDate): LocalDate {
  if ('daysAfterIssue' in obligation.due) return addDays(issuedOn, obligation.due.daysAfterIssue);
  const date = obligation.due.date;
  return date.length === 5 ? `${issuedOn.slice(0, 4)}-${date}` : date;
}

function expectedItem(
  obligation: PlanObligation,
  unit: string,
  scenario: ScenarioFile,
  issuedOn: LocalDate,
): ExpectedItem {
  const ofItem = <T extends ScenarioAction>(actions: T[]): T[] =>
    actions.filter((a) => a.unit === unit && a.obligation === obligation.id).sort((a, b) => ms(a.at) - ms(b.at));
  const first = ofItem(scenario.submissions)[0];
  const waiver = ofItem(scenario.waivers)[0];
  if (first && waiver && ms(first.at) < ms(waiver.at))
    throw new Error(`the test oracle does not model a waiver after a submission (${unit}/${obligation.id})`);
  const resolvedAtMs = Math.min(first ? ms(first.at) : Infinity, waiver ? ms(waiver.at) : Infinity);

  const dueDates = [
    { fromMs: -Infinity, dueDate: onOrNextWorkingDay(nominalDueDate(obligation, issuedOn)) },
    ...ofItem(scenario.extensions).map((e) => ({ fromMs: ms(e.at), dueDate: onOrNextWorkingDay(e.newDueDate) })),
  ];
  const cycleStartMs = ms(`${issuedOn}T00:00:00+07:00`);
  // An extension replaces the ladder from its instant on; nothing from before the cycle started or after the item
  // was resolved goes out.
  const events = dueDates.flatMap(({ fromMs, dueDate }, i) => {
    const untilMs = Math.min(dueDates[i + 1]?.fromMs ?? Infinity, resolvedAtMs);
    const fromOrStartMs = Math.max(fromMs, cycleStartMs);
    return ladderEvents(obligation.ladder, dueDate).filter((e) => ms(e.at) >= fromOrStartMs && ms(e.at) < untilMs);
  });
  const dueDate = dueDates[dueDates.length - 1]!.dueDate;
  const status: ExpectedStatus = waiver
    ? 'waived'
    : !first
      ? 'missing'
      : ms(first.at) < endOfPlanDayMs(dueDate)
        ? 'on-time'
        : 'late';
  return {
    unit,
    obligation: obligation.id,
    dueDate,
    dueDates,
    submittedAt: first?.at ?? null,
    status,
    highestEscalationLevel: Math.max(0, ...events.filter((e) => e.type === 'escalation').map((e) => e.level)),
    resolvedAtMs,
    events,
  };
}

/** The effective due date of `item` in force at an instant (before or after an extension). */
export function dueDateAt(item: ExpectedItem, atMs: number): LocalDate {
  return item.dueDates.filter((d) => d.fromMs <= atMs).at(-1)!.dueDate;
}

function ms(instant: string): number {
  return Date.parse(instant);
}
