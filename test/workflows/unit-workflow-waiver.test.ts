import { submitUpdate, waiveUpdate } from '../../workflows/unit-messages';
import { compileCycle } from '../helpers/cycle';
import { sameMinuteAs } from '../helpers/plan-time';
import { seedPlan } from '../helpers/plans';
import { createUnitHarness, updateRejection, type UnitHarness } from './unit-harness';

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

  it('resolves the waived obligation for good, and only that one', async () => {
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

    // The dispatcher skips a resolved obligation (cycle-dispatch-resolution.test.ts); the unit sends nothing itself.
    expect(harness.emails('xa-ia-tul')).toEqual([]);
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
