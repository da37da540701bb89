import { statusAt, type UnitStatus } from '../../domain/cycle/unit-status';
import { submitUpdate, waiveUpdate } from '../../workflows/unit-messages';
import { compileCycle } from '../helpers/cycle';
import { sameMinuteAs } from '../helpers/plan-time';
import { seedPlan } from '../helpers/plans';
import { createUnitHarness, HALF_YEAR_SUBMISSION, updateRejection, type UnitHarness } from './unit-harness';

// Reminders and escalations are the cycle's dispatcher's (cycle-dispatch-*.test.ts). On its own, a unit workflow keeps
// its obligations' state, answers people (receipts, requested reminders) and wakes only when a due date ends.
describe('unitWorkflow over a whole year (time-skipping server, real SMTP and fake Zalo)', () => {
  let harness: UnitHarness;
  const cycle = compileCycle(seedPlan(), 2022, '2022-04-20');

  beforeAll(async () => {
    harness = await createUnitHarness();
  });

  afterAll(async () => {
    await harness?.teardown();
  });

  /** The status of the unit that never submits, queried at 15/01/2023 before anything woke it (see below). */
  let queriedBetweenWakes: UnitStatus | undefined;
  const neverSubmits = cycle.unit('xa-chu-mo');

  it('keeps a unit that never submits overdue at level 3, sends nothing itself, and wakes once per due date', async () => {
    const input = neverSubmits;
    const run = await harness.start(input, '2022-04-20T07:30:00+07:00');
    await run.sleepUntil('2023-01-15T09:00:00+07:00');
    queriedBetweenWakes = await run.status();
    // A rejected Update is an activation: the workflow's clock is 15/01/2023 again.
    await updateRejection(
      run.handle.executeUpdate(waiveUpdate, { args: [{ obligationId: 'bao-cao-nam', reason: ' ' }] }),
    );
    const status = await run.status();
    await run.stop();

    expect(harness.emails('xa-chu-mo')).toEqual([]);
    expect(harness.channels.zalo.received().filter((r) => r.path.startsWith('/message'))).toEqual([]);
    expect(status.obligations.every((o) => o.state === 'overdue')).toBe(true);
    expect(status.obligations.map((o) => o.level)).toEqual(input.obligations.map(() => 3));
    // The ladder the dispatcher reads is the compiled one.
    expect(status.obligations.map((o) => o.events)).toEqual(input.obligations.map((o) => o.events));

    const history = await run.handle.fetchHistory();
    const timers = (history.events ?? []).filter((e) => e.timerStartedEventAttributes).length;
    expect(timers).toBe(new Set(input.obligations.map((o) => o.dueDate)).size);
  });

  // A query answers as of the unit's last task, and the unit no longer wakes at escalation instants: bao-cao-nam
  // (due 31/10, level 3 since 09/11) reads as of 01/11 until something wakes the unit. Readers re-derive it.
  it('gives readers the level reached so far between wakes (statusAt)', () => {
    const now = Date.parse('2023-01-15T09:00:00+07:00');
    expect(statusAt(queriedBetweenWakes!, now).obligations.map((o) => [o.state, o.level])).toEqual(
      neverSubmits.obligations.map(() => ['overdue', 3]),
    );
  });

  it('answers a unit that submits early with a receipt at once, and sends nothing else', async () => {
    const run = await harness.start(cycle.unitWith('xa-ia-tul', 'bao-cao-6-thang'), '2022-04-20T07:30:00+07:00');
    await run.sleepUntil('2022-05-05T15:00:00+07:00');
    const receipt = await run.handle.executeUpdate(submitUpdate, {
      args: [{ ...HALF_YEAR_SUBMISSION, submittedBy: 'Nguyễn Văn Bình' }],
    });
    expect(receipt).toMatchObject({ timeliness: 'on-time', dueDate: '2022-05-10', version: 1 });
    expect(receipt.submittedAt).toEqual(sameMinuteAs('2022-05-05T15:00:00+07:00'));
    await harness.waitForEmails((e) => e.unit === 'xa-ia-tul' && e.kind === 'receipt');
    await run.sleepUntil('2022-12-31T23:00:00+07:00');
    const status = await run.status();
    await run.stop();

    expect(status.obligations[0]).toMatchObject({ state: 'submitted-on-time', level: 0 });
    expect(harness.emails('xa-ia-tul').map((e) => [e.kind, e.scheduledAt])).toEqual([['receipt', receipt.submittedAt]]);
  });
});
