import path from 'node:path';
import { activityInfo } from '@temporalio/activity';
import type { Activities } from '../../activities';
import { startCycleHarness, type CycleHarness } from './cycle-harness';

const CYCLE_SMALL = path.resolve(__dirname, '..', 'fixtures', 'plans', 'cycle-small.yaml');
/** Issued 01/05/2031: the first reminder of ke-hoach (due 16/05) is on Friday 02/05 08:00, to all three units. */
const MOMENT = '2031-05-02T08:00:00+07:00';
const UNIT_HEADS = ['noi-vu@thu-nghiem.example', 'xa-dong@thu-nghiem.example', 'xa-tay@thu-nghiem.example'];

describe('cycleWorkflow dispatcher: a moment retried after its worker lost the completion', () => {
  let cycle: CycleHarness;
  const attempts: number[] = [];

  beforeAll(async () => {
    cycle = await startCycleHarness({
      planFile: CYCLE_SMALL,
      year: 2031,
      issuedOn: '2031-05-01',
      planStart: '2031-05-01T10:00:00+07:00',
      activities: (real): Activities => ({
        ...real,
        async dispatchMoment(input) {
          const result = await real.dispatchMoment(input);
          if (input.at !== MOMENT) return result;
          attempts.push(activityInfo().attempt);
          // As if the worker died between the SMTP server's 250s and reporting the completion: Temporal retries.
          if (activityInfo().attempt === 1) throw new Error('worker lost the completion');
          return result;
        },
      }),
    });
  });

  afterAll(async () => {
    await cycle?.teardown();
  });

  it('does not send again what the lost attempt sent: the sent-ledger answers the retry', async () => {
    await cycle.sleepUntil('2031-05-02T09:00:00+07:00');
    const status = await cycle.waitForStatus((s) => s.dispatch.lastMomentAt === MOMENT);
    expect(attempts).toEqual([1, 2]);
    expect(status.failures).toEqual([]);

    const reminders = cycle.emails('reminder', 'escalation').filter((e) => e.scheduledAt === MOMENT);
    expect(reminders.map((e) => e.to).sort()).toEqual(UNIT_HEADS.map((a) => [a]));
    expect(reminders.every((e) => e.kind === 'reminder' && e.obligations.join() === 'ke-hoach')).toBe(true);
    // Only the retry's result counts, and the notification centre has one row per person, with its first send's id.
    expect(status.dispatch.sent).toBe(UNIT_HEADS.length);
    const rows = (await cycle.messages()).filter((r) => r.scheduledAt === MOMENT);
    expect(rows.map((r) => [r.address, r.status]).sort()).toEqual(UNIT_HEADS.map((a) => [a, 'sent']));
    expect(new Set(rows.map((r) => r.providerId)).size).toBe(UNIT_HEADS.length);
  });
});
