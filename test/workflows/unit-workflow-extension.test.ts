import type { ExtendInput } from '../../domain/cycle/unit-commands';
import type { UnitWorkflowInput } from '../../domain/cycle/unit-input';
import { extendUpdate } from '../../workflows/unit-messages';
import { compileCycle } from '../helpers/cycle';
import { seedPlan } from '../helpers/plans';
import { createUnitHarness, updateRejection, type UnitHarness, type UnitRun } from './unit-harness';

const at = (date: string): string => `${date}T08:00:00+07:00`;

describe('unitWorkflow: the extend Update', () => {
  let harness: UnitHarness;
  const cycle = compileCycle(seedPlan(), 2022, '2022-04-20');
  const xaIaTul = cycle.unit('xa-ia-tul');
  const only = (...ids: string[]): UnitWorkflowInput => ({
    ...xaIaTul,
    obligations: xaIaTul.obligations.filter((o) => ids.includes(o.id)),
  });

  beforeAll(async () => {
    harness = await createUnitHarness();
  });

  afterAll(async () => {
    await harness?.teardown();
  });

  /** The Vietnamese message an Update was rejected with (validator) or failed with (handler). */
  const rejection = (run: UnitRun, request: ExtendInput): Promise<string> =>
    updateRejection(run.handle.executeUpdate(extendUpdate, { args: [request] }));

  it('moves its ladder to the new due date, rolled forward off a Saturday, and records the extension', async () => {
    const input = only('bao-cao-6-thang');
    const run = await harness.start(input, '2022-04-20T07:30:00+07:00');
    await run.sleepUntil('2022-05-03T10:00:00+07:00');
    const compiled = await run.handle.executeUpdate(extendUpdate, {
      args: [
        {
          obligationId: 'bao-cao-6-thang',
          newDueDate: '2022-05-21', // a Saturday: Điều 148 k5 moves it to Monday 23/05
          reason: 'Mưa lũ, đường vào xã bị chia cắt',
          by: 'Phòng Nội vụ',
        },
      ],
    });
    expect(compiled).toMatchObject({ nominalDueDate: '2022-05-21', dueDate: '2022-05-23' });
    await run.sleepUntil('2022-05-24T09:00:00+07:00');
    const status = await run.stop();

    const obligation = status.obligations[0]!;
    expect(obligation).toMatchObject({ nominalDueDate: '2022-05-21', dueDate: '2022-05-23', state: 'overdue' });
    expect(obligation.extensions).toEqual([
      {
        previousDueDate: '2022-05-10',
        newDueDate: '2022-05-23',
        reason: 'Mưa lũ, đường vào xã bị chia cắt',
        at: '2022-05-03T10:00:00+07:00',
        by: 'Phòng Nội vụ',
      },
    ]);
    expect(obligation.nextEventAt).toBe(at('2022-05-26')); // level 2, three working days after 23/05

    // The ladder the cycle's dispatcher reads from the status is the recompiled one; the unit sends nothing itself
    // (cycle-dispatch-resolution.test.ts follows what people receive).
    const EXTENDED_AT = '2022-05-03T10:00:00+07:00';
    expect(obligation.events.filter((e) => e.at > EXTENDED_AT)).toEqual(
      compiled.events.filter((e) => e.at > EXTENDED_AT),
    );
    // What was already past stays as it was: the two reminders of the old ladder.
    expect(obligation.events.filter((e) => e.at < EXTENDED_AT).map((e) => e.at)).toEqual([
      at('2022-04-22'),
      at('2022-04-29'),
    ]);
    expect(obligation.level).toBe(1);
    expect(harness.emails('xa-ia-tul')).toEqual([]);
  });

  it('rejects a date not after the current due date, an unknown obligation and an empty reason', async () => {
    const run = await harness.start(only('bao-cao-6-thang', 'bao-cao-nam'), '2022-04-21T10:00:00+07:00');
    const before = await run.status();
    const reason = 'Lý do hợp lệ';

    const notAfter = 'Hạn mới phải sau hạn hiện tại';
    expect(await rejection(run, { obligationId: 'bao-cao-6-thang', newDueDate: '2022-05-10', reason })).toContain(
      notAfter,
    );
    expect(await rejection(run, { obligationId: 'bao-cao-6-thang', newDueDate: '2022-05-02', reason })).toContain(
      notAfter,
    );
    // 30/10/2022 is a Sunday, so the effective due date is already 31/10: "extending" to it changes nothing.
    expect(await rejection(run, { obligationId: 'bao-cao-nam', newDueDate: '2022-10-31', reason })).toContain(notAfter);
    expect(await rejection(run, { obligationId: 'bao-cao-quy', newDueDate: '2022-06-01', reason })).toBe(
      'Đơn vị không có nhiệm vụ «bao-cao-quy» trong kế hoạch này',
    );
    expect(await rejection(run, { obligationId: 'bao-cao-6-thang', newDueDate: '2022-06-01', reason: '  ' })).toBe(
      'Cần ghi lý do gia hạn',
    );
    expect(await rejection(run, { obligationId: 'bao-cao-6-thang', newDueDate: '2022-02-30', reason })).toContain(
      'không hợp lệ',
    );
    expect(await run.status()).toEqual(before);

    // A holiday rolls forward too: 01/9 and 02/9/2022 were days off, so 02/9 becomes Monday 05/9.
    const compiled = await run.handle.executeUpdate(extendUpdate, {
      args: [{ obligationId: 'bao-cao-6-thang', newDueDate: '2022-09-02', reason }],
    });
    expect(compiled).toMatchObject({ nominalDueDate: '2022-09-02', dueDate: '2022-09-05' });
    const status = await run.stop();
    expect(status.obligations.map((o) => [o.id, o.dueDate, o.extensions.length])).toEqual([
      ['bao-cao-6-thang', '2022-09-05', 1],
      ['bao-cao-nam', '2022-10-31', 0],
    ]);
    expect(status.obligations[0]?.nextEventAt).toBe(at('2022-08-18')); // 10 working days before 05/9
  });

  it('fails an extension that the non-working-day rule brings back to the current due date', async () => {
    // With `ifNonWorkingDay: previous`, Sunday 30/10/2022 is due on Friday 28/10, and so is Saturday 29/10.
    const yearly = xaIaTul.obligations.find((o) => o.id === 'bao-cao-nam')!;
    const input: UnitWorkflowInput = {
      ...xaIaTul,
      obligations: [
        { ...yearly, dueDate: '2022-10-28', rules: { ...yearly.rules, ifNonWorkingDay: 'previous' as const } },
      ],
    };
    const run = await harness.start(input, '2022-04-21T10:00:00+07:00');
    const before = await run.status();
    const message = await rejection(run, { obligationId: 'bao-cao-nam', newDueDate: '2022-10-29', reason: 'Lý do' });
    expect(message).toBe(
      'Hạn mới phải sau hạn hiện tại (2022-10-28); 2022-10-29 tính theo ngày làm việc là 2022-10-28',
    );
    expect(await run.status()).toEqual(before);
    const status = await run.stop();
    expect(status.obligations[0]).toMatchObject({ dueDate: '2022-10-28', extensions: [] });
  });
});
