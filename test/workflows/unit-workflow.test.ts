import { submitUpdate } from '../../workflows/unit-messages';
import { compileCycle } from '../helpers/cycle';
import { sameMinuteAs } from '../helpers/plan-time';
import { seedPlan } from '../helpers/plans';
import { createUnitHarness, HALF_YEAR_SUBMISSION, type UnitHarness } from './unit-harness';

describe('unitWorkflow over a whole year (time-skipping server, real SMTP and fake Zalo)', () => {
  let harness: UnitHarness;
  const cycle = compileCycle(seedPlan(), 2022, '2022-04-20');

  beforeAll(async () => {
    harness = await createUnitHarness();
  });

  afterAll(async () => {
    await harness?.teardown();
  });

  it('sends a unit that never submits every reminder, every level and the repeats, and nothing after 31/12', async () => {
    const input = cycle.unit('xa-chu-mo');
    const run = await harness.start(input, '2022-04-20T07:30:00+07:00');
    await run.sleepUntil('2023-01-15T09:00:00+07:00');
    const status = await run.status();
    await run.stop();

    const unitEmails = harness.emails('xa-chu-mo').filter((e) => e.to.includes(input.audiences.unit[0]!.email!));
    const planned = new Set(input.obligations.flatMap((o) => o.events.map((e) => e.at)));
    const expected = new Set(input.obligations.flatMap((o) => o.events.map((e) => `${e.at}|${o.id}`)));
    const sent = new Set(unitEmails.flatMap((e) => e.obligations.split(',').map((id) => `${e.scheduledAt}|${id}`)));
    expect(sent).toEqual(expected);
    expect(unitEmails.every((e) => planned.has(e.scheduledAt) && e.scheduledAt < '2023-01-01')).toBe(true);
    expect(status.obligations.every((o) => o.state === 'overdue')).toBe(true);
    expect(status.obligations.map((o) => o.level)).toEqual(input.obligations.map(() => 3));
    const leadership = harness.emails('xa-chu-mo').filter((e) => e.to.includes(input.audiences.leadership[0]!.email!));
    expect(leadership.length).toBeGreaterThan(0);
    expect(leadership.every((e) => e.level === '3')).toBe(true);
  });

  it('gives a unit that submits early only the reminders before it, a receipt, and nothing after', async () => {
    const run = await harness.start(cycle.unitWith('xa-ia-tul', 'bao-cao-6-thang'), '2022-04-20T07:30:00+07:00');
    await run.sleepUntil('2022-05-05T15:00:00+07:00');
    const receipt = await run.handle.executeUpdate(submitUpdate, {
      args: [{ ...HALF_YEAR_SUBMISSION, submittedBy: 'Nguyễn Văn Bình' }],
    });
    expect(receipt).toMatchObject({ timeliness: 'on-time', dueDate: '2022-05-10', version: 1 });
    expect(receipt.submittedAt).toEqual(sameMinuteAs('2022-05-05T15:00:00+07:00'));
    await run.sleepUntil('2022-12-31T23:00:00+07:00');
    const status = await run.status();
    await run.stop();

    expect(status.obligations[0]?.state).toBe('submitted-on-time');
    const emails = harness.emails('xa-ia-tul');
    expect(emails.filter((e) => e.kind === 'reminder').map((e) => e.scheduledAt)).toEqual([
      '2022-04-22T08:00:00+07:00',
      '2022-04-29T08:00:00+07:00',
    ]);
    expect(emails.filter((e) => e.kind === 'escalation')).toEqual([]);
    expect(emails.filter((e) => e.kind === 'receipt')).toHaveLength(1);
  });
});
