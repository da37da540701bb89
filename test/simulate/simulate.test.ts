import { readdirSync } from 'node:fs';
import path from 'node:path';
import { loadAnnouncedSchedules } from '../../config/calendars';
import { timelinessOf } from '../../domain/cycle/unit-status';
import { formatLocalDate, parseLocalDate } from '../../domain/local-date';
import { planCalendar } from '../../domain/plan/plan-calendar';
import { compileSchedule, effectiveDueDate } from '../../domain/schedule/compile-schedule';
import type { DeliveredNotification } from '../../simulate/notification-log';
import type { Outcome } from '../../simulate/outcomes';
import { loadScenario } from '../../simulate/scenario';
import { SEED_PLAN_FILE, seedPlan } from '../helpers/plans';
import { simulate, type SimulationOutput } from '../helpers/simulation';

const SCENARIO = path.resolve(__dirname, '..', '..', 'config', 'scenarios', 'dvcq-ia-pa-2022.yaml');

describe('dondoc simulate on the seed plan, 2022', () => {
  const plan = seedPlan();
  const scenario = loadScenario(SCENARIO, plan);
  const calendar = planCalendar(plan, loadAnnouncedSchedules());
  const schedule = compileSchedule(plan, { year: 2022, issuedOn: parseLocalDate('2022-04-20')! }, calendar);
  let run: SimulationOutput;
  let out: string;
  let outcomes: Outcome[];
  let notifications: DeliveredNotification[];

  beforeAll(async () => {
    run = await simulate(SEED_PLAN_FILE, 2022, SCENARIO);
    ({ out, outcomes, notifications } = run);
  }, 300_000);

  afterAll(() => run?.remove());

  it('accepts every action of the scenario', () => {
    expect(run.result.rejected).toEqual([]);
  });

  it('reports every unit × obligation of the schedule, with the due dates plan schedule predicts', () => {
    const extended = new Map(scenario.extensions.map((e) => [`${e.unit}/${e.obligation}`, e.newDueDate]));
    expect(outcomes).toHaveLength(schedule.items.length);
    for (const item of schedule.items) {
      const outcome = outcomes.find((o) => o.unit === item.unit && o.obligation === item.obligation);
      const newDue = extended.get(`${item.unit}/${item.obligation}`);
      const expectedDue = newDue
        ? formatLocalDate(effectiveDueDate(parseLocalDate(newDue)!, 'next', calendar))
        : item.dueDate;
      expect(outcome?.dueDate).toBe(expectedDue);
    }
  });

  it('classifies each outcome as the scenario implies: on time, late, missing or waived', () => {
    for (const outcome of outcomes) {
      const submission = scenario.submissions.find(
        (s) => s.unit === outcome.unit && s.obligation === outcome.obligation,
      );
      const waived = scenario.waivers.some((w) => w.unit === outcome.unit && w.obligation === outcome.obligation);
      const expected = waived ? 'waived' : submission ? timelinessOf(submission.at, outcome.dueDate) : 'missing';
      expect([outcome.unit, outcome.obligation, outcome.status]).toEqual([outcome.unit, outcome.obligation, expected]);
      expect(outcome.submittedAt).toBe(submission ? submission.at : null);
    }
  });

  it('sends a unit that never submits exactly the reminders and escalations of the schedule, in plan time', () => {
    const unitEmails = notifications.filter(
      (n) => n.unit === 'xa-chu-rang' && n.channel === 'email' && n.key.includes('/unit/email'),
    );
    const sent = new Set(unitEmails.flatMap((n) => n.obligation.split(',').map((o) => `${n.scheduledAt}|${o}`)));
    const planned = new Set(
      schedule.items
        .filter((i) => i.unit === 'xa-chu-rang')
        .flatMap((i) => i.events.map((e) => `${e.at}|${i.obligation}`)),
    );
    expect(sent).toEqual(planned);
    const missing = outcomes.filter((o) => o.unit === 'xa-chu-rang');
    expect(missing.every((o) => o.status === 'missing' && o.highestEscalationLevel === 3)).toBe(true);
  });

  it('reminds a unit that submits on time only before its submission, and never escalates it', () => {
    const submissions = scenario.submissions.filter((s) => s.unit === 'xa-ia-tul');
    expect(submissions.length).toBeGreaterThan(0);
    for (const submission of submissions) {
      const about = notifications.filter(
        (n) =>
          n.unit === 'xa-ia-tul' && n.obligation.split(',').includes(submission.obligation) && n.kind !== 'receipt',
      );
      expect(about.every((n) => n.kind === 'reminder' && n.scheduledAt < submission.at)).toBe(true);
      const planned = schedule.items
        .find((i) => i.unit === 'xa-ia-tul' && i.obligation === submission.obligation)!
        .events.filter((e) => e.type === 'reminder' && e.at < submission.at)
        .map((e) => e.at);
      expect(new Set(about.filter((n) => n.channel === 'email').map((n) => n.scheduledAt))).toEqual(new Set(planned));
    }
  });

  it('writes the aggregated reports at the instants of the schedule', () => {
    const files = readdirSync(path.join(out, 'reports', 'dvcq-ia-pa', '2022'));
    expect(schedule.aggregations.length).toBeGreaterThan(0);
    for (const aggregation of schedule.aggregations) {
      const stamp = aggregation.at.slice(0, 16).replace(/[-:T]/g, '');
      expect(files).toContain(`${aggregation.obligation}-${stamp}.csv`);
    }
    expect(notifications.filter((n) => n.kind === 'report')).toHaveLength(schedule.aggregations.length);
  });
});
