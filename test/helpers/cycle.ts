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
  /** The unit's input cut to the given obligations (small histories, focused assertions). */
  unitWith(id: string, ...obligationIds: string[]): UnitWorkflowInput;
}

/** Values that satisfy the seed plan's 6-month report form (`bao-cao-dvcq`). */
export const HALF_YEAR_REPORT_VALUES = {
  'so-van-ban-chi-dao': 3,
  'so-mo-hinh-dan-van-kheo': 2,
  'so-luot-tiep-cong-dan': 12,
  'so-don-thu-tiep-nhan': 4,
  'ket-qua-dat-duoc': 'Hoàn thành các chỉ tiêu',
  'han-che-nguyen-nhan': 'Không',
};

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
    unitWith(id, ...obligationIds) {
      const input = this.unit(id);
      return { ...input, obligations: input.obligations.filter((o) => obligationIds.includes(o.id)) };
    },
  };
}
