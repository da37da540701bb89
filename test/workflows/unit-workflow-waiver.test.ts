import { submitUpdate, waiveUpdate } from '../../workflows/unit-messages';
import { compileCycle } from '../helpers/cycle';
import { sameMinuteAs } from '../helpers/plan-time';
import { seedPlan } from '../helpers/plans';
import { createUnitHarness, updateRejection, type UnitHarness } from './unit-harness';

const at = (date: string): string => `${date}T08:00:00+07:00`;

describe('unitWorkflow: the waive Update', () => {
  let harness: UnitHarness;
  const cycle = compileCycle(seedPlan(), 2022, '2022-04-20');
  const xaIaTul = cycle.unit('xa-ia-tul');
  const input = {
    ...xaIaTul,
    obligations: xaIaTul.obligations.filter((o) => ['bao-cao-6-thang', 'ke-hoach-tu-kiem-tra'].includes(o.id)),
  };

  beforeAll(async () => {
    harness = await createUnitHarness();
  });

  afterAll(async () => {
    await harness?.teardown();
  });

  it('stops every later event of the waived obligation, and only of that one', async () => {
    const run = await harness.start(input, '2022-04-20T07:30:00+07:00');
    await run.sleepUntil('2022-05-05T10:00:00+07:00');
    const waived = await run.handle.executeUpdate(waiveUpdate, {
      args: [{ obligationId: 'bao-cao-6-thang', reason: 'Xã sáp nhập, báo cáo chung với huyện', by: 'Phòng Nội vụ' }],
    });
    expect(waived).toEqual({ obligationId: 'bao-cao-6-thang', waivedAt: sameMinuteAs('2022-05-05T10:00:00+07:00') });
    await run.sleepUntil('2022-05-26T09:00:00+07:00');
    const status = await run.stop();

    const halfYear = status.obligations.find((o) => o.id === 'bao-cao-6-thang');
    const selfInspection = status.obligations.find((o) => o.id === 'ke-hoach-tu-kiem-tra');
    expect(halfYear).toMatchObject({
      id: 'bao-cao-6-thang',
      state: 'waived',
      level: 0,
      waiver: { reason: 'Xã sáp nhập, báo cáo chung với huyện', at: '2022-05-05T10:00:00+07:00', by: 'Phòng Nội vụ' },
    });
    expect(halfYear?.nextEventAt).toBeUndefined();
    expect(selfInspection).toMatchObject({ id: 'ke-hoach-tu-kiem-tra', state: 'overdue', level: 2 });

    const emails = harness.emails('xa-ia-tul');
    const about = (id: string) => emails.filter((e) => e.obligations.split(',').includes(id));
    // Only the two reminders before the waiver; 06/05, 09/05, 10/05 and the escalations are gone.
    expect([...new Set(about('bao-cao-6-thang').map((e) => e.scheduledAt))]).toEqual([
      at('2022-04-22'),
      at('2022-04-29'),
    ]);
    // 06/05 was shared by both obligations (reminder 2 and reminder 10): it now names only the other one.
    const unitEvents = about('ke-hoach-tu-kiem-tra')
      .filter((e) => e.audience === 'unit')
      .map((e) => `${e.obligations} ${e.event}`);
    expect(unitEvents).toEqual([
      `ke-hoach-tu-kiem-tra reminder-10@${at('2022-05-06')}`,
      `ke-hoach-tu-kiem-tra reminder-5@${at('2022-05-13')}`,
      `ke-hoach-tu-kiem-tra reminder-2@${at('2022-05-18')}`,
      `ke-hoach-tu-kiem-tra reminder-1@${at('2022-05-19')}`,
      `ke-hoach-tu-kiem-tra reminder-0@${at('2022-05-20')}`,
      `ke-hoach-tu-kiem-tra escalation-1.0@${at('2022-05-23')}`,
      `ke-hoach-tu-kiem-tra escalation-2.0@${at('2022-05-25')}`,
    ]);
    expect(
      emails.filter((e) => e.scheduledAt > '2022-05-05').every((e) => e.obligations === 'ke-hoach-tu-kiem-tra'),
    ).toBe(true);
    expect(
      halfYear?.notifications.every((n) => n.key.includes(at('2022-04-22')) || n.key.includes(at('2022-04-29'))),
    ).toBe(true);
  });

  it('refuses to waive a submitted obligation, twice, or without a reason; a waived one cannot be submitted', async () => {
    const run = await harness.start(input, '2022-05-04T09:00:00+07:00');
    await run.handle.executeUpdate(submitUpdate, {
      args: [{ obligationId: 'ke-hoach-tu-kiem-tra', documentNumber: '12/KH-UBND', documentDate: '2022-05-04' }],
    });
    // The receipt goes out right away: wait for the workflow to record it before taking the snapshot.
    const before = await run.waitForStatus((s) => s.obligations[0]!.notifications.length === 1);

    expect(
      await updateRejection(
        run.handle.executeUpdate(waiveUpdate, { args: [{ obligationId: 'ke-hoach-tu-kiem-tra', reason: 'Miễn' }] }),
      ),
    ).toMatch(/^Nhiệm vụ «Xây dựng kế hoạch tự kiểm tra.*» đã nộp$/);
    expect(
      await updateRejection(
        run.handle.executeUpdate(waiveUpdate, { args: [{ obligationId: 'bao-cao-6-thang', reason: ' ' }] }),
      ),
    ).toBe('Cần ghi lý do miễn');
    expect(await run.status()).toEqual(before);

    await run.handle.executeUpdate(waiveUpdate, { args: [{ obligationId: 'bao-cao-6-thang', reason: 'Miễn' }] });
    expect(
      await updateRejection(
        run.handle.executeUpdate(waiveUpdate, { args: [{ obligationId: 'bao-cao-6-thang', reason: 'Lần nữa' }] }),
      ),
    ).toMatch(/đã được miễn$/);
    expect(
      await updateRejection(
        run.handle.executeUpdate(submitUpdate, {
          args: [{ obligationId: 'bao-cao-6-thang', values: { 'so-van-ban-chi-dao': 1 } }],
        }),
      ),
    ).toMatch(/đã được miễn, không cần nộp$/);
    const status = await run.stop();
    expect(status.obligations.map((o) => [o.id, o.state, o.submissions.length])).toEqual([
      ['ke-hoach-tu-kiem-tra', 'submitted-on-time', 1],
      ['bao-cao-6-thang', 'waived', 0],
    ]);
  });
});
