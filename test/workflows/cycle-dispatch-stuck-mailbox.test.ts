import path from 'node:path';
import { startCycleHarness, type CycleHarness } from './cycle-harness';

const CYCLE_SMALL = path.resolve(__dirname, '..', 'fixtures', 'plans', 'cycle-small.yaml');
const NOI_VU = 'noi-vu@thu-nghiem.example';
const XA_DONG = 'xa-dong@thu-nghiem.example';
const at = (day: string): string => `2031-05-${day}T08:00:00+07:00`;

/**
 * cycle-small 2031 issued 01/05: ke-hoach's first reminder (02/05) goes to every unit head, Phòng Nội vụ's included;
 * bao-cao's (05/05) to the communes only. Phòng Nội vụ's mailbox defers (451) every message from the start on: its
 * message is held and tried again every half hour, and nobody else waits for it.
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

  it('holds that person’s message, says why, and lets the moment succeed for everyone else', async () => {
    await cycle.sleepUntil('2031-05-02T14:00:00+07:00');
    const status = await cycle.status();
    expect(status.failures).toEqual([]);
    expect(cycle.deadlineEmailsTo(NOI_VU)).toEqual([]);
    expect(cycle.deadlineEmailsTo(XA_DONG).map((e) => e.scheduledAt)).toEqual([at('02')]);
    const held = (await cycle.messages()).filter((m) => m.address === NOI_VU && m.status === 'held');
    expect(held.length).toBeGreaterThan(0);
    expect(held[0]?.reason).toContain('EMAIL_SMTP_DEFERRED');
  });

  it('still reminds the others of what falls due later', async () => {
    await cycle.sleepUntil('2031-05-05T12:00:00+07:00');
    expect(cycle.deadlineEmailsTo(XA_DONG).map((e) => e.scheduledAt)).toContain(at('05'));
  });

  it('gives that person everything held, in one message, once the mailbox accepts again', async () => {
    cycle.channels.smtp.clearRules();
    await cycle.sleepUntil('2031-05-05T16:00:00+07:00');
    const received = cycle.deadlineEmailsTo(NOI_VU);
    expect(received).toHaveLength(1);
    expect(received[0]?.obligations).toContain('ke-hoach');
    const rows = await cycle.messages();
    expect(rows.filter((m) => m.address === NOI_VU && m.status === 'held')).toEqual([]);
  });
});
