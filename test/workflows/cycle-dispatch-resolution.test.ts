import path from 'node:path';
import { unitWorkflowId } from '../../domain/cycle/cycle-input';
import type { MessageRecord } from '../../domain/dispatch/message-record';
import { extendUpdate, getStatusQuery, submitUpdate, waiveUpdate } from '../../workflows/unit-messages';
import { startCycleHarness, type CycleHarness } from './cycle-harness';

const CYCLE_SMALL = path.resolve(__dirname, '..', 'fixtures', 'plans', 'cycle-small.yaml');
const NOI_VU = 'noi-vu@thu-nghiem.example';
const XA_DONG = 'xa-dong@thu-nghiem.example';
const XA_TAY = 'xa-tay@thu-nghiem.example';
const at = (day: string): string => `2031-${day}T08:00:00+07:00`;
/** When Phòng Nội vụ acts: after the first reminders of both obligations went out. */
const ACTED_AT = '2031-05-06T10:00:00+07:00';

/**
 * cycle-small 2031 issued 01/05: ke-hoach (every unit) is due Friday 16/05, reminded on 02/05, 09/05, 14/05, 15/05
 * and 16/05; bao-cao (the communes) is due Monday 12/05, reminded on 05/05, 08/05, 09/05 and 12/05, level 1 on
 * 13/05 (the unit) and level 2 on 15/05 (the unit and Phòng Nội vụ).
 */
function startCycle(): Promise<CycleHarness> {
  return startCycleHarness({
    planFile: CYCLE_SMALL,
    year: 2031,
    issuedOn: '2031-05-01',
    planStart: '2031-05-01T10:00:00+07:00',
  });
}

const unitHandle = (cycle: CycleHarness, unitId: string) =>
  cycle.env.client.workflow.getHandle(unitWorkflowId(cycle.input.cycle, unitId));

/** `unit/obligation` of every item of the person's messages (sent ones), by moment. */
function itemsByMoment(rows: readonly MessageRecord[], address: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const row of rows) {
    if (row.address !== address || row.status !== 'sent') continue;
    out[row.scheduledAt] = row.items.map((i) => `${i.unitId}/${i.obligationId}`).sort();
  }
  return out;
}

describe('cycleWorkflow dispatcher: obligations resolved before a moment', () => {
  let cycle: CycleHarness;

  beforeAll(async () => {
    cycle = await startCycle();
  });

  afterAll(async () => {
    await cycle?.teardown();
  });

  it('drops a submitted or waived obligation from every later message, and its unit from the supervisor’s', async () => {
    await cycle.sleepUntil(ACTED_AT);
    await unitHandle(cycle, 'xa-dong').executeUpdate(submitUpdate, {
      args: [{ obligationId: 'bao-cao', values: { 'so-mo-hinh': 1, 'ket-qua': 'Tốt' }, channel: 'web' }],
    });
    await unitHandle(cycle, 'phong-noi-vu').executeUpdate(waiveUpdate, {
      args: [{ obligationId: 'ke-hoach', reason: 'Phòng lập kế hoạch chung của huyện', by: 'Phòng Nội vụ' }],
    });
    // The receipt goes out at once, from the unit.
    await cycle.waitForStatus(() => cycle.emails('receipt').length === 1);
    expect(cycle.emails('receipt')[0]).toMatchObject({ unit: 'xa-dong', to: [XA_DONG] });

    await cycle.sleepUntil('2031-05-16T09:00:00+07:00');
    const rows = await cycle.messages();
    expect(itemsByMoment(rows, XA_DONG)).toEqual({
      [at('05-02')]: ['xa-dong/ke-hoach'],
      [at('05-05')]: ['xa-dong/bao-cao'],
      [at('05-09')]: ['xa-dong/ke-hoach'],
      [at('05-14')]: ['xa-dong/ke-hoach'],
      [at('05-15')]: ['xa-dong/ke-hoach'],
      [at('05-16')]: ['xa-dong/ke-hoach'],
    });
    // xa-tay still owes both: one message per moment lists both when they fall together.
    expect(itemsByMoment(rows, XA_TAY)).toMatchObject({
      [at('05-09')]: ['xa-tay/bao-cao', 'xa-tay/ke-hoach'],
      [at('05-13')]: ['xa-tay/bao-cao'],
      [at('05-15')]: ['xa-tay/bao-cao', 'xa-tay/ke-hoach'],
    });
    // Phòng Nội vụ: its own ke-hoach until the waiver, then only what is escalated to it: xa-tay, not xa-dong.
    expect(itemsByMoment(rows, NOI_VU)).toEqual({
      [at('05-02')]: ['phong-noi-vu/ke-hoach'],
      [at('05-15')]: ['xa-tay/bao-cao'],
    });
    expect(cycle.deadlineEmailsTo(NOI_VU).map((e) => [e.scheduledAt, e.kind, e.level, e.unit])).toEqual([
      [at('05-02'), 'reminder', '', 'phong-noi-vu'],
      [at('05-15'), 'escalation', '2', 'xa-tay'],
    ]);
    // Every sent row is an email that arrived.
    expect(cycle.emails('reminder', 'escalation')).toHaveLength(rows.filter((r) => r.status === 'sent').length);
  });
});

describe('cycleWorkflow dispatcher: an extension', () => {
  let cycle: CycleHarness;

  beforeAll(async () => {
    cycle = await startCycle();
  });

  afterAll(async () => {
    await cycle?.teardown();
  });

  it('replaces the unit’s ladder: the reminders before the new due date arrive, the old escalations do not', async () => {
    await cycle.sleepUntil(ACTED_AT);
    const compiled = await unitHandle(cycle, 'xa-tay').executeUpdate(extendUpdate, {
      args: [{ obligationId: 'bao-cao', newDueDate: '2031-05-23', reason: 'Mưa lũ', by: 'Phòng Nội vụ' }],
    });
    expect(compiled.dueDate).toBe('2031-05-23');
    await cycle.sleepUntil('2031-05-27T09:00:00+07:00');

    const status = await unitHandle(cycle, 'xa-tay').query(getStatusQuery);
    const ladder = status.obligations.find((o) => o.id === 'bao-cao')!.events;
    const expected = ladder
      .filter((e) => e.at > ACTED_AT && e.at < '2031-05-27T09:00')
      .map((e) => [e.at, e.type === 'escalation' ? e.level : 0]);
    expect(expected.map(([instant]) => instant)).toContain(at('05-23'));
    expect(expected.filter(([, level]) => level === 0).length).toBeGreaterThanOrEqual(3);

    const rows = await cycle.messages();
    const baoCaoOf = (address: string, unitId: string) =>
      rows
        .filter((r) => r.address === address && r.status === 'sent')
        .flatMap((r) => r.items.filter((i) => i.unitId === unitId && i.obligationId === 'bao-cao'))
        .map((i) => [i.at, i.level]);
    expect(baoCaoOf(XA_TAY, 'xa-tay').filter(([instant]) => (instant as string) > ACTED_AT)).toEqual(expected);
    // None of the old ladder's escalations (13/05, 15/05, 21/05) reached the unit or Phòng Nội vụ.
    expect(baoCaoOf(NOI_VU, 'xa-tay').map(([instant]) => instant)).toEqual(
      expected.filter(([, level]) => (level as number) >= 2).map(([instant]) => instant),
    );
    // xa-dong was not extended: its ladder went on (levels 1 and 2 on 13/05 and 15/05).
    expect(baoCaoOf(XA_DONG, 'xa-dong')).toEqual(
      expect.arrayContaining([
        [at('05-13'), 1],
        [at('05-15'), 2],
      ]),
    );
  });
});

describe('cycleWorkflow dispatcher: an extension that brings the next event forward', () => {
  let cycle: CycleHarness;
  const START = '2031-05-21T09:00:00+07:00';

  beforeAll(async () => {
    cycle = await startCycleHarness({ planFile: CYCLE_SMALL, year: 2031, issuedOn: '2031-05-01', planStart: START });
  });

  afterAll(async () => {
    await cycle?.teardown();
  });

  it('wakes the dispatcher for the new ladder’s first reminder (unitScheduleChanged)', async () => {
    await cycle.waitForStatus((s) => s.dispatch.moments >= 1);
    // Everything but xa-tay's bao-cao is resolved: its next event is the repeat of level 3 on 28/05.
    for (const unitId of ['phong-noi-vu', 'xa-dong', 'xa-tay']) {
      await unitHandle(cycle, unitId).executeUpdate(waiveUpdate, {
        args: [{ obligationId: 'ke-hoach', reason: 'Không còn áp dụng', by: 'Phòng Nội vụ' }],
      });
    }
    await unitHandle(cycle, 'xa-dong').executeUpdate(submitUpdate, {
      args: [{ obligationId: 'bao-cao', values: { 'so-mo-hinh': 1, 'ket-qua': 'Tốt' }, channel: 'web' }],
    });
    await cycle.sleepUntil('2031-05-22T10:00:00+07:00');
    // Extended to Friday 30/05: its reminder of 5 working days before falls on 23/05, before 28/05.
    const compiled = await unitHandle(cycle, 'xa-tay').executeUpdate(extendUpdate, {
      args: [{ obligationId: 'bao-cao', newDueDate: '2031-05-30', reason: 'Mưa lũ', by: 'Phòng Nội vụ' }],
    });
    const firstNew = compiled.events.find((e) => e.at > '2031-05-22T10:00:00+07:00')!;
    expect(firstNew).toMatchObject({ type: 'reminder', at: at('05-23') });
    await cycle.waitForStatus((s) => s.dispatch.nextMomentAt === at('05-23'));

    await cycle.sleepUntil('2031-05-23T09:00:00+07:00');
    const xaTay = cycle.deadlineEmailsTo(XA_TAY).filter((e) => e.scheduledAt > START);
    expect(xaTay.map((e) => [e.scheduledAt, e.kind, e.obligations])).toEqual([[at('05-23'), 'reminder', ['bao-cao']]]);
  });
});
