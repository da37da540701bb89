import type { PlanRef } from '../notifications/notification';
import type { Plan } from '../plan/plan-schema';
import type { CycleSchedule } from '../schedule/schedule-types';
import type { CycleRef } from './unit-input';

/** The cycle and plan references every workflow input and message carries. */
export function cycleRefs(plan: Plan, schedule: CycleSchedule): { cycle: CycleRef; plan: PlanRef } {
  return {
    cycle: { planId: plan.id, year: schedule.year, issuedOn: schedule.issuedOn },
    plan: {
      id: plan.id,
      title: plan.title,
      issuer: plan.issuer,
      year: schedule.year,
      ...(plan.reference && { reference: plan.reference }),
    },
  };
}
