import path from 'node:path';
import { startCycleHarness, type CycleHarness } from './cycle-harness';

const CYCLE_SMALL = path.resolve(__dirname, '..', 'fixtures', 'plans', 'cycle-small.yaml');
const NOI_VU = 'noi-vu@thu-nghiem.example';
const XA_DONG = 'xa-dong@thu-nghiem.example';
const at = (day: string): string => `2031-05-${day}T08:00:00+07:00`;

/**
 * cycle-small 2031 issued 01/05: ke-hoach's first reminder (02/05) goes to every unit head, Phòng Nội vụ's included;
 * bao-cao's (05/05) to the communes only. Phòng Nội vụ's mailbox defers (451) every message from the start on.
 */
describe('cycleWorkflow dispatcher: one mailbox that keeps deferring', () => {
  let cycle: CycleHarness;

  beforeAll(async () => {
    cycle = await startCycleHarness({
      planFile: CYCLE_SMALL,
      year: 2031,
      issuedOn: '2031-05-01',
      planStart: '2031-05-01T10:00:00+07:00',
    });
    await cycle.waitForStatus((s) => s.started === s.units);
    cycle.channels.smtp.reply({ stage: 'rcpt', address: NOI_VU, code: 451 });
  });

  afterAll(async () => {
    await cycle?.teardown();
  });

  it('keeps the moment failing while that mailbox defers, and says so', async () => {
    await cycle.sleepUntil('2031-05-02T14:00:00+07:00');
    const status = await cycle.status();
    expect(status.failures.map((f) => f.activity)).toContain('dispatchMoment');
    expect(cycle.deadlineEmailsTo(NOI_VU)).toEqual([]);
    expect(cycle.deadlineEmailsTo(XA_DONG).map((e) => e.scheduledAt)).toEqual([at('02')]);
  });

  // KNOWN GAP, reported to the lead: a retryable SMTP answer for one person fails the whole moment, and a failed
  // moment is retried as that same moment (same instant, same window) until it succeeds, so no later moment runs:
  // while one mailbox defers, nobody else is reminded of anything new. `it.failing` turns red once a person's
  // deferral is kept to that person (held or failed in the notification centre); make it a plain `it` then.
  it.failing('still reminds the others of what falls due later', async () => {
    await cycle.sleepUntil('2031-05-05T12:00:00+07:00');
    expect(cycle.deadlineEmailsTo(XA_DONG).map((e) => e.scheduledAt)).toContain(at('05'));
  });
});
