import type { z } from 'zod';
import { SENDING_HOURS } from '../schedule/sending-hours';
import type { PlanShapeOutput } from './plan-shape';
import { unitsOfObligation } from './units-of-obligation';

type Path = (string | number)[];
const hhmm = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;
/** A schedule must not plan outside the sending hours (`HH:mm`, both ends allowed). */
const SENDING_WINDOW = { from: hhmm(SENDING_HOURS.from), to: hhmm(SENDING_HOURS.to) };

/** The checks a field-by-field schema cannot make: references, uniqueness, and rules across fields. */
export function crossCheckPlan(plan: PlanShapeOutput, ctx: z.RefinementCtx): void {
  const report = (path: Path, message: string): void => ctx.addIssue({ code: 'custom', path, message });

  const unitIndex = new Map<string, number>();
  plan.units.forEach((unit, i) => {
    const first = unitIndex.get(unit.id);
    if (first === undefined) unitIndex.set(unit.id, i);
    else report(['units', i, 'id'], `duplicate unit id "${unit.id}" (first used at units[${first}])`);
  });
  const unknownUnit = (id: string, path: Path): void => {
    if (!unitIndex.has(id)) report(path, `unknown unit "${id}": no unit in units has this id`);
  };

  unknownUnit(plan.supervisor, ['supervisor']);
  checkTimes(['defaults'], plan.defaults, report);
  checkLeadership(['defaults', 'escalation'], plan.defaults.escalation ?? [], plan.leadership.length, report);

  const obligationIndex = new Map<string, number>();
  plan.obligations.forEach((obligation, i) => {
    const at: Path = ['obligations', i];
    const first = obligationIndex.get(obligation.id);
    if (first === undefined) obligationIndex.set(obligation.id, i);
    else report([...at, 'id'], `duplicate obligation id "${obligation.id}" (first used at obligations[${first}])`);

    const { units, exclude } = obligation.appliesTo;
    units?.forEach((id, j) => unknownUnit(id, [...at, 'appliesTo', 'units', j]));
    exclude?.forEach((id, j) => unknownUnit(id, [...at, 'appliesTo', 'exclude', j]));
    if (unitsOfObligation(plan, obligation).length === 0)
      report([...at, 'appliesTo'], 'applies to no unit of the plan');

    if (obligation.deliverable === 'report' && !obligation.form) {
      report([...at, 'form'], 'a report needs a form: name one of the forms whose values are collected');
    }
    if (obligation.form && !plan.forms[obligation.form]) {
      report([...at, 'form'], `unknown form "${obligation.form}": no such key under forms`);
    }
    checkTimes(at, obligation, report);
    if (obligation.escalation) {
      checkLeadership([...at, 'escalation'], obligation.escalation, plan.leadership.length, report);
    }
  });

  for (const [formId, form] of Object.entries(plan.forms)) {
    const keys = new Set<string>();
    form.fields.forEach((field, j) => {
      const at: Path = ['forms', formId, 'fields', j];
      if (keys.has(field.key)) report([...at, 'key'], `duplicate field key "${field.key}"`);
      keys.add(field.key);
      if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
        report([...at, 'max'], `max (${field.max}) is below min (${field.min})`);
      }
      const numeric = ['integer', 'number', 'percent'].includes(field.type);
      if (!numeric && (field.min !== undefined || field.max !== undefined)) {
        report([...at, 'type'], `min and max apply to numbers only, not to type ${field.type}`);
      }
    });
  }

  const overrideDates = new Map<string, number>();
  plan.calendar.overrides.forEach((override, i) => {
    const first = overrideDates.get(override.date);
    if (first !== undefined) {
      report(
        ['calendar', 'overrides', i, 'date'],
        `${override.date} is already overridden at calendar.overrides[${first}]`,
      );
    }
    overrideDates.set(override.date, i);
  });
}

interface TimedRules {
  reminders?: { at: string };
  escalation?: { at: string }[];
}

function checkTimes(at: Path, rules: TimedRules, report: (path: Path, message: string) => void): void {
  // A malformed time has its own message already.
  const outside = (time: string): boolean =>
    /^\d{2}:\d{2}$/.test(time) && (time < SENDING_WINDOW.from || time > SENDING_WINDOW.to);
  const message = `must be between ${SENDING_WINDOW.from} and ${SENDING_WINDOW.to}: nothing is sent at night`;
  if (rules.reminders && outside(rules.reminders.at)) report([...at, 'reminders', 'at'], message);
  rules.escalation?.forEach((level, j) => {
    if (outside(level.at)) report([...at, 'escalation', j, 'at'], message);
  });
}

function checkLeadership(
  at: Path,
  levels: { notify: string[] }[],
  leadershipCount: number,
  report: (path: Path, message: string) => void,
): void {
  if (leadershipCount > 0) return;
  levels.forEach((level, j) => {
    if (level.notify.includes('leadership')) {
      report([...at, j, 'notify'], 'notifies leadership, but the plan lists no leadership');
    }
  });
}
