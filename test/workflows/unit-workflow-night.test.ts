import type { UnitWorkflowInput } from '../../domain/cycle/unit-input';
import { resendReminderUpdate, submitUpdate } from '../../workflows/unit-messages';
import { compileCycle } from '../helpers/cycle';
import { sameMinuteAs } from '../helpers/plan-time';
import { seedPlan } from '../helpers/plans';
import { createUnitHarness, HALF_YEAR_SUBMISSION, type UnitHarness } from './unit-harness';

// The catch-up of a late start is the cycle's dispatcher's (cycle-dispatch-late-start.test.ts); what a unit still does
// itself at any hour is answer a person.
describe('unitWorkflow: a unit started late at night', () => {
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

  it('sends a requested reminder and a receipt at once, at 23:00, and nothing of its own at 07:00', async () => {
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
