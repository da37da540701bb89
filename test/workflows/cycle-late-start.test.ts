import { previewStart, workingDaysOn } from '../../domain/dispatch/start-preview';
import { parseLocalDate } from '../../domain/local-date';
import { planDirectory } from '../../domain/notifications/recipients';
import { compileSchedule } from '../../domain/schedule/compile-schedule';
import { calendarOf, SEED_PLAN_FILE, seedPlan } from '../helpers/plans';
import { startCycleHarness, type CycleHarness } from './cycle-harness';

const START = '2026-11-30T10:00:00+07:00';

/**
 * Issue #11: the seed plan's 2026 cycle, issued 20/04, started seven months late. Before the dispatcher this sent
 * 319 emails within a minute, 106 of them to the Phó Chủ tịch; now each person gets one catch-up email, and the
 * numbers are the ones `cycle start` printed first.
 */
describe('cycleWorkflow: the seed plan started seven months late', () => {
  let cycle: CycleHarness;

  beforeAll(async () => {
    cycle = await startCycleHarness({ planFile: SEED_PLAN_FILE, year: 2026, issuedOn: '2026-04-20', planStart: START });
  });
  afterAll(async () => {
    await cycle?.teardown();
  });

  it('sends each person one catch-up email, as many as the start preview counted', async () => {
    const plan = seedPlan();
    const calendar = calendarOf(plan);
    const schedule = compileSchedule(plan, { year: 2026, issuedOn: parseLocalDate('2026-04-20') ?? 0 }, calendar);
    const preview = previewStart({
      schedule,
      directory: planDirectory(plan),
      channels: { zalo: false }, // the harness starts its cycles without Zalo
      catchUp: 'summary',
      startMs: Date.parse(START),
      workingDaysAt: workingDaysOn(calendar),
    });
    expect(preview.totalMessages).toBe(31);

    // The start also aggregates the reports whose instant has passed (files, no email) and counts the past weeks' digests
    // as covered by the catch-up: wait for all of it, so that the worker is not shut down under an activity.
    const pastAggregations = schedule.aggregations.filter((a) => Date.parse(a.at) < Date.parse(START)).length;
    const status = await cycle.waitForStatus(
      (s) =>
        s.started === s.units &&
        s.dispatch.moments > 0 &&
        s.aggregations.length === pastAggregations &&
        s.digestsSent.includes('2026-11-23T14:00:00+07:00'),
    );
    expect(status.dispatch).toMatchObject({ moments: 1, sent: preview.totalMessages, held: 0, failed: 0 });
    // Every email of the start, of any kind: one per person, no report or digest beside the catch-up.
    const mails = cycle.channels.smtp.messages();
    expect(new Set(mails.map((m) => m.parsed.headers.get('x-dondoc-kind')))).toEqual(new Set(['escalation']));
    const recipients = mails.flatMap((m) => m.envelope.rcptTo.map((address) => address.toLowerCase()));
    expect(recipients).toHaveLength(preview.totalMessages);
    expect(new Set(recipients).size).toBe(recipients.length);
    const leadership = plan.leadership.flatMap((person) => (person.email ? [person.email.toLowerCase()] : []));
    expect(recipients.filter((address) => leadership.includes(address))).toHaveLength(
      preview.messages.leadership.email,
    );
  });
});
