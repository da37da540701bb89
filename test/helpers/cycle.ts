import type { UnitWorkflowInput } from '../../domain/cycle/unit-input';
import { unitWorkflowInputs } from '../../domain/cycle/unit-inputs';
import { parseLocalDate } from '../../domain/local-date';
import type { Plan } from '../../domain/plan/plan-schema';
import { compileSchedule } from '../../domain/schedule/compile-schedule';
import type { CycleSchedule } from '../../domain/schedule/schedule-types';
import { calendarOf } from './plans';

export interface CompiledCycle {
  schedule: CycleSchedule;
  inputs: UnitWorkflowInput[];
  unit(id: string): UnitWorkflowInput;
}

/** The seed-plan style cycle of `year`, compiled and cut into unit workflow inputs. */
export function compileCycle(
  plan: Plan,
  year: number,
  issuedOn: string,
  channels = { zns: true, oa: false },
): CompiledCycle {
  const schedule = compileSchedule(plan, { year, issuedOn: parseLocalDate(issuedOn)! }, calendarOf(plan));
  const inputs = unitWorkflowInputs(plan, schedule, { channels, searchAttributes: false });
  return {
    schedule,
    inputs,
    unit(id) {
      const found = inputs.find((input) => input.unit.id === id);
      if (!found) throw new Error(`no unit ${id}`);
      return found;
    },
  };
}
