import { isResolved, type UnitState } from './unit-state';
import { obligationStateName } from './unit-status';

/** The changing part of a unit workflow's search attributes (plan, year and unit never change). */
export interface UnitSearchValues {
  overdue: number;
  /** The earliest due date (YYYY-MM-DD) of an obligation still open. */
  nextDue: string | undefined;
  stateName: 'open' | 'overdue' | 'complete' | 'closed';
}

export function unitSearchValues(state: UnitState, nowMs: number): UnitSearchValues {
  const open = state.obligations.filter((o) => !isResolved(o));
  const overdue = open.filter((o) => obligationStateName(o, nowMs) === 'overdue').length;
  const nextDue = open.map((o) => o.dueDate).sort()[0];
  const stateName = state.closed ? 'closed' : open.length === 0 ? 'complete' : overdue > 0 ? 'overdue' : 'open';
  return { overdue, nextDue, stateName };
}

/** What the workflow compares to skip an upsert that would change nothing (key order fixed, as it always was). */
export function serializeUnitSearchValues({ overdue, nextDue, stateName }: UnitSearchValues): string {
  return JSON.stringify({ overdue, nextDue, stateName });
}
