import type { UnitWorkflowInput } from '../../domain/cycle/unit-input';
import { resendReminderUpdate, submitUpdate } from '../../workflows/unit-messages';
import { compileCycle } from '../helpers/cycle';
import { sameMinuteAs } from '../helpers/plan-time';
import { seedPlan } from '../helpers/plans';
import { createUnitHarness, HALF_YEAR_SUBMISSION, type UnitHarness } from './unit-harness';

const at = (date: string): string => `${date}T08:00:00+07:00`;

describe('unitWorkflow: a cycle started late', () => {
  let harness: UnitHarness;
  const cycle = compileCycle(seedPlan(), 2022, '2022-04-20');
  /** Only the 6-month report (due 10/05/2022; levels on 11/05, 13/05 and 19/05, then every 5 working days). */
  const halfYearOf = (unitId: string): UnitWorkflowInput => cycle.unitWith(unitId, 'bao-cao-6-thang');

  beforeAll(async () => {
    harness = await createUnitHarness();
  });

  afterAll(async () => {
    await harness?.teardown();
  });

  function expectOneLevel3CatchUp(input: UnitWorkflowInput): void {
    const emails = harness.emails(input.unit.id);
    // The sends run in parallel: compare in a fixed order.
    expect(emails.map((e) => [e.kind, e.level, e.scheduledAt, e.audience]).sort()).toEqual(
      ['leadership', 'supervisor', 'unit'].map((audience) => ['escalation', '3', at('2022-05-19'), audience]),
    );
    // One notification (one key), one email per audience.
    expect(new Set(emails.map((e) => e.key.split('/').slice(0, 6).join('/'))).size).toBe(1);
    const to = emails.flatMap((e) => e.to);
    expect(to).toEqual(
      expect.arrayContaining([
        input.audiences.unit[0]!.email,
        input.audiences.supervisor[0]!.email,
        input.audiences.leadership[0]!.email,
      ]),
    );
  }

  it('sends one catch-up notice for the highest level reached, no past reminders, then the future repeats', async () => {
    const input = halfYearOf('xa-ia-tul');
    const run = await harness.start(input, '2022-05-20T10:00:00+07:00');
    // At once: no timer needs to fire, so nothing is skipped while we wait.
    await harness.waitForEmails((e) => e.unit === 'xa-ia-tul', 3);
    const status = await run.waitForStatus(
      (s) => s.obligations[0]!.notifications.filter((n) => n.channel === 'email').length === 3,
    );
    expectOneLevel3CatchUp(input);
    const obligation = status.obligations[0]!;
    expect(obligation).toMatchObject({ state: 'overdue', level: 3, nextEventAt: at('2022-05-26') });
    for (const sent of obligation.notifications.filter((n) => n.channel === 'email')) {
      expect(sent.outcome).toBe('accepted');
      expect(sent.acceptedAt! >= '2022-05-20T10:00:00+07:00' && sent.acceptedAt! < '2022-05-20T10:01').toBe(true);
    }

    await run.sleepUntil('2022-06-03T09:00:00+07:00');
    await run.stop();
    const emails = harness.emails('xa-ia-tul');
    expect(emails.filter((e) => e.audience === 'unit').map((e) => e.event)).toEqual([
      `escalation-3.0@${at('2022-05-19')}`,
      `escalation-3.1@${at('2022-05-26')}`,
      `escalation-3.2@${at('2022-06-02')}`,
    ]);
    expect(emails.filter((e) => e.kind !== 'escalation' || e.level !== '3')).toEqual([]);
    expect(emails).toHaveLength(9);
  });

  it('holds the catch-up of a start at 23:00 until 07:00', async () => {
    const input = halfYearOf('xa-chu-mo');
    const run = await harness.start(input, '2022-05-20T23:00:00+07:00');
    await run.sleepUntil('2022-05-21T06:59:00+07:00');
    expect(harness.emails('xa-chu-mo')).toEqual([]);
    expect((await run.status()).obligations[0]!.notifications).toEqual([]);

    await run.sleepUntil('2022-05-21T07:10:00+07:00');
    const status = await run.stop();
    expectOneLevel3CatchUp(input);
    const sent = status.obligations[0]!.notifications;
    expect(sent.length).toBeGreaterThanOrEqual(3);
    expect(sent.every((n) => n.outcome === 'accepted' && n.acceptedAt?.startsWith('2022-05-21T07:00:'))).toBe(true);
    expect(status.obligations[0]!.level).toBe(3);
  });
  it('answers a person at once at night while its catch-up waits for 07:00, and drops the catch-up once submitted', async () => {
    const input = halfYearOf('xa-ia-broai');
    const run = await harness.start(input, '2022-05-20T23:00:00+07:00');
    // Phòng Nội vụ asks for a reminder at 23:00: it is a person's request, not a scheduled send.
    await run.handle.executeUpdate(resendReminderUpdate, { args: [{ obligationId: 'bao-cao-6-thang' }] });
    await harness.waitForEmails((e) => e.unit === 'xa-ia-broai' && e.kind === 'reminder');
    const receipt = await run.handle.executeUpdate(submitUpdate, { args: [HALF_YEAR_SUBMISSION] });
    expect(receipt).toMatchObject({ timeliness: 'late', submittedAt: sameMinuteAs('2022-05-20T23:00:00+07:00') });
    await harness.waitForEmails((e) => e.unit === 'xa-ia-broai' && e.kind === 'receipt');

    await run.sleepUntil('2022-05-21T07:10:00+07:00');
    const status = await run.stop();
    expect(status.obligations[0]!.state).toBe('submitted-late');
    expect(harness.emails('xa-ia-broai').map((e) => e.kind)).toEqual(['reminder', 'receipt']);
  });
});
