import type { Activities } from '../../activities';
import type { SendEmailNotificationInput } from '../../activities/notify/send-email';
import type { ObligationStatus } from '../../domain/cycle/unit-status';
import type { NotifyResult } from '../../domain/notifications/notify-result';
import { resendReminderUpdate, submitUpdate } from '../../workflows/unit-messages';
import { compileCycle } from '../helpers/cycle';
import { sameMinuteAs } from '../helpers/plan-time';
import { seedPlan } from '../helpers/plans';
import { createUnitHarness, HALF_YEAR_SUBMISSION, type UnitHarness } from './unit-harness';

const emailsOf = (obligation: ObligationStatus): NotifyResult[] =>
  obligation.notifications.filter((n) => n.channel === 'email');

/** A promise the test opens. */
function gate(): { open: () => void; opened: Promise<void> } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/**
 * The real activities, except that the first email of `kind` waits until the test opens `release`; `entered`
 * opens once that email's activity is running.
 */
function holdingFirstEmail(real: Activities, kind: string) {
  const entered = gate();
  const release = gate();
  let held = false;
  const activities: Activities = {
    ...real,
    async sendEmailNotification(request: SendEmailNotificationInput) {
      if (!held && request.notification.kind === kind) {
        held = true;
        entered.open();
        await release.opened;
      }
      return real.sendEmailNotification(request);
    },
  };
  return { activities, entered: entered.opened, release: release.open };
}

// 25/04/2022 10:00: the 22/04 reminder is past and the next planned instant is 29/04 08:00. The server's clock
// does not move while the test waits (no sleep), so anything that goes out did so without a timer.
const START = '2022-04-25T10:00:00+07:00';
const NEXT_PLANNED = Date.parse('2022-04-29T08:00:00+07:00');

describe('unitWorkflow: an Update that arrives while an activity runs is handled when it returns', () => {
  let harness: UnitHarness;
  const input = compileCycle(seedPlan(), 2022, '2022-04-20').unitWith('xa-ia-tul', 'bao-cao-6-thang');

  beforeAll(async () => {
    harness = await createUnitHarness();
  });

  afterAll(async () => {
    await harness?.teardown();
  });

  it('sends the receipt of a submission made while a requested reminder was being sent', async () => {
    const hold = holdingFirstEmail(harness.activities(), 'reminder');
    const run = await harness.start(input, START, { activities: hold.activities });
    await run.handle.executeUpdate(resendReminderUpdate, { args: [{ obligationId: 'bao-cao-6-thang' }] });
    await hold.entered;
    const receipt = await run.handle.executeUpdate(submitUpdate, { args: [HALF_YEAR_SUBMISSION] });
    hold.release();

    const status = await run.waitForStatus((s) => emailsOf(s.obligations[0]!).length === 2);
    expect(await run.planNow()).toBeLessThan(NEXT_PLANNED);
    await run.stop();
    const sent = emailsOf(status.obligations[0]!);
    expect(sent.map((n) => [n.key.split('/')[5]?.split('@')[0], n.outcome])).toEqual([
      [expect.stringMatching(/^reminder-\d+$/), 'accepted'],
      ['receipt-1', 'accepted'],
    ]);
    expect(sent[1]!.acceptedAt).toEqual(sameMinuteAs(receipt.submittedAt));
    expect(harness.emails('xa-ia-tul').map((e) => e.kind)).toEqual(['reminder', 'receipt']);
  });

  it('sends a reminder requested while a receipt was being sent', async () => {
    const hold = holdingFirstEmail(harness.activities(), 'receipt');
    const run = await harness.start(cycleOf('xa-chu-mo'), START, { activities: hold.activities });
    await run.handle.executeUpdate(submitUpdate, { args: [HALF_YEAR_SUBMISSION] });
    await hold.entered;
    // The submission resolved bao-cao-6-thang; the other obligation is still open.
    await run.handle.executeUpdate(resendReminderUpdate, { args: [{ obligationId: 'ke-hoach-tu-kiem-tra' }] });
    hold.release();

    const status = await run.waitForStatus((s) => s.obligations.every((o) => emailsOf(o).length === 1));
    expect(await run.planNow()).toBeLessThan(NEXT_PLANNED);
    await run.stop();
    expect(status.obligations.map((o) => [o.id, emailsOf(o)[0]!.key.split('/')[5]?.split('@')[0]])).toEqual([
      ['ke-hoach-tu-kiem-tra', expect.stringMatching(/^reminder-\d+$/)],
      ['bao-cao-6-thang', 'receipt-1'],
    ]);
  });

  function cycleOf(unitId: string) {
    return compileCycle(seedPlan(), 2022, '2022-04-20').unitWith(unitId, 'bao-cao-6-thang', 'ke-hoach-tu-kiem-tra');
  }
});
