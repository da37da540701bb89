import { loadAnnouncedSchedules } from '../config/calendars';
import { parseLocalDate } from '../domain/local-date';
import { planCalendar } from '../domain/plan/plan-calendar';
import { PlanSchema, type Plan } from '../domain/plan/plan-schema';
import { unitsOfObligation } from '../domain/plan/units-of-obligation';
import { compileObligation, compileSchedule, type Cycle } from '../domain/schedule/compile-schedule';
import { seedPlan } from '../test/helpers/plans';
import { measure, printTable } from './measure';
import type { ResultCollector } from './results';

/** The seed plan with its units multiplied to `unitCount` and five obligations that apply to all of them. */
function scaledPlan(seed: Plan, unitCount: number): Plan {
  const template = seed.units.filter((unit) => unit.kind === 'commune');
  const units = Array.from({ length: unitCount }, (_, i) => {
    const base = template[i % template.length]!;
    return { ...base, id: `${base.id}-${i}`, name: `${base.name} ${i}` };
  });
  units[0] = { ...seed.units.find((u) => u.id === seed.supervisor)!, id: seed.supervisor };
  const yearly = seed.obligations.filter((o) => o.appliesTo.kinds?.includes('commune'));
  const thirdQuarter = { ...yearly[yearly.length - 1]!, id: 'bao-cao-quy-3', due: { date: '09-15' } };
  const obligations = [...yearly, thirdQuarter]
    .slice(0, 5)
    .map((o) => ({ ...o, appliesTo: { kinds: ['commune' as const, 'department' as const] } }));
  return PlanSchema.parse({ ...seed, units, obligations });
}

/** What compiling looks like without sharing an obligation's events between its units. */
function compileUnitByUnit(plan: Plan, cycle: Cycle, calendar: ReturnType<typeof planCalendar>): number {
  let events = 0;
  for (const obligation of plan.obligations) {
    for (const _unit of unitsOfObligation(plan, obligation)) {
      events += compileObligation(plan, obligation, cycle, calendar).events.length;
    }
  }
  return events;
}

export function benchCompileSchedule(results?: ResultCollector, unitCount = 10_000): void {
  const seed = seedPlan();
  const announced = loadAnnouncedSchedules();
  const cycle = { year: 2022, issuedOn: parseLocalDate('2022-04-20')! };
  const big = scaledPlan(seed, unitCount);
  const calendar = planCalendar(big, announced);
  const itemCount = compileSchedule(big, cycle, calendar).items.length;

  const rows = [
    measure('seed plan: 26 units × 7 obligations', 20, () =>
      compileSchedule(seed, cycle, planCalendar(seed, announced)),
    ),
    measure(`unit by unit (baseline): ${unitCount} units × 5`, 3, () => compileUnitByUnit(big, cycle, calendar)),
    measure(`compileSchedule: ${unitCount} units × 5 (${itemCount} items)`, 5, () =>
      compileSchedule(big, cycle, calendar),
    ),
    measure('compileSchedule + fresh calendar + JSON text', 3, () =>
      JSON.stringify(compileSchedule(big, cycle, planCalendar(big, announced))),
    ),
  ];
  printTable('Schedule compiler (issue #3: 10,000 units × 5 obligations must compile in under 2 s)', rows, rows[1]!);
  results?.add({
    bench: 'compile',
    measurement: `compile ${unitCount} units × 5 obligations`,
    figure: rows[2]!.medianMs,
    unit: 'ms',
    baseline: { figure: rows[1]!.medianMs, what: 'unit by unit' },
    ratio: rows[1]!.medianMs / rows[2]!.medianMs,
    aim: { atMost: 2000 },
    note: `${itemCount} items; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  });
}

if (require.main === module) benchCompileSchedule();
