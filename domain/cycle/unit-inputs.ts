import { formFieldRules } from '../forms/form-field-rules';
import type { ChannelAvailability } from '../notifications/delivery-plan';
import { audienceContacts, planDirectory } from '../notifications/recipients';
import type { Plan } from '../plan/plan-schema';
import { eventRules } from '../schedule/compile-schedule';
import type { CycleSchedule } from '../schedule/schedule-types';
import { cycleRefs } from './cycle-refs';
import type { UnitWorkflowInput } from './unit-input';

export interface UnitInputOptions {
  channels: ChannelAvailability;
  /** Builds a unit's submission link for an obligation (issue #6); none when the web is not configured. */
  submissionUrl?: (unitId: string, obligationId: string) => string | undefined;
  searchAttributes?: boolean;
}

/** One `unitWorkflow` input per unit of the compiled cycle, in plan order. */
export function unitWorkflowInputs(
  plan: Plan,
  schedule: CycleSchedule,
  options: UnitInputOptions,
): UnitWorkflowInput[] {
  const directory = planDirectory(plan);
  const refs = cycleRefs(plan, schedule);
  const obligations = new Map(plan.obligations.map((o) => [o.id, o]));
  const byUnit = new Map<string, CycleSchedule['items']>();
  for (const item of schedule.items) byUnit.set(item.unit, [...(byUnit.get(item.unit) ?? []), item]);
  const inputs: UnitWorkflowInput[] = [];
  for (const unit of plan.units) {
    const items = byUnit.get(unit.id);
    if (!items) continue;
    inputs.push({
      ...refs,
      supervisorName: directory.supervisor.name,
      unit: { id: unit.id, name: unit.name },
      audiences: {
        unit: audienceContacts(directory, unit.id, 'unit'),
        supervisor: audienceContacts(directory, unit.id, 'supervisor'),
        leadership: audienceContacts(directory, unit.id, 'leadership'),
      },
      obligations: items.map((item) => {
        const obligation = obligations.get(item.obligation);
        if (!obligation) throw new Error(`schedule item for unknown obligation ${item.obligation}`);
        const form = obligation.form ? plan.forms[obligation.form] : undefined;
        const url = options.submissionUrl?.(unit.id, obligation.id);
        return {
          id: obligation.id,
          title: obligation.title,
          deliverable: obligation.deliverable,
          nominalDueDate: item.nominalDueDate,
          dueDate: item.dueDate,
          events: item.events,
          ...(form && obligation.form && { form: { id: obligation.form, fields: formFieldRules(form) } }),
          rules: {
            ...eventRules(plan, obligation),
            calendarOverrides: plan.calendar.overrides,
            culturalDay: plan.calendar.culturalDay,
          },
          ...(url && { submissionUrl: url }),
        };
      }),
      channels: options.channels,
      ...(options.searchAttributes === false && { searchAttributes: false }),
    });
  }
  return inputs;
}
