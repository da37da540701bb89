import type { SubmitInput } from '../../domain/cycle/unit-commands';
import { submitUpdate } from '../../workflows/unit-messages';
import { compileCycle, HALF_YEAR_REPORT_VALUES } from '../helpers/cycle';
import { sameMinuteAs } from '../helpers/plan-time';
import { seedPlan } from '../helpers/plans';
import {
  createUnitHarness,
  HALF_YEAR_SUBMISSION,
  updateRejection,
  type UnitHarness,
  type UnitRun,
} from './unit-harness';

const VALUES = HALF_YEAR_REPORT_VALUES;

// A dispatch retried after a lost completion: cycle-dispatch-idempotency.test.ts.
describe('unitWorkflow: re-submissions', () => {
  let harness: UnitHarness;
  const cycle = compileCycle(seedPlan(), 2022, '2022-04-20');
  const input = cycle.unitWith('xa-ia-tul', 'bao-cao-6-thang');

  beforeAll(async () => {
    harness = await createUnitHarness();
  });

  afterAll(async () => {
    await harness?.teardown();
  });

  const rejection = (run: UnitRun, request: SubmitInput): Promise<string> =>
    updateRejection(run.handle.executeUpdate(submitUpdate, { args: [request] }));

  it('keeps every version of a re-submission and counts timeliness from the first', async () => {
    const run = await harness.start(input, '2022-05-05T10:00:00+07:00');
    const before = await run.status();

    // The validator refuses bad values and malformed document numbers, in Vietnamese, and nothing changes.
    expect(
      await rejection(run, {
        obligationId: 'bao-cao-6-thang',
        values: { ...VALUES, 'so-mo-hinh-dan-van-kheo': -1 },
      }),
    ).toBe('«Số mô hình “Dân vận khéo” đăng ký xây dựng» không được nhỏ hơn 0');
    expect(
      await rejection(run, { obligationId: 'bao-cao-6-thang', values: { ...VALUES, 'ket-qua-dat-duoc': undefined } }),
    ).toBe('«Kết quả đạt được» là trường bắt buộc');
    expect(
      await rejection(run, { obligationId: 'bao-cao-6-thang', values: { ...VALUES, 'so-luot-tiep-cong-dan': 'mười' } }),
    ).toBe('«Số lượt tiếp công dân» phải là một số');
    expect(
      await rejection(run, { obligationId: 'bao-cao-6-thang', values: VALUES, documentNumber: '45-BC-UBND' }),
    ).toBe('Số văn bản «45-BC-UBND» không đúng dạng, ví dụ 45/BC-UBND');
    expect(await run.status()).toEqual(before);
    expect(harness.emails('xa-ia-tul').filter((e) => e.kind === 'receipt')).toEqual([]);

    const first = await run.handle.executeUpdate(submitUpdate, { args: [HALF_YEAR_SUBMISSION] });
    expect(first).toMatchObject({
      version: 1,
      timeliness: 'on-time',
      submittedAt: sameMinuteAs('2022-05-05T10:00:00+07:00'),
    });

    // After the due date (10/05): a corrected report replaces the values but stays on time, as version 2.
    await run.sleepUntil('2022-05-12T15:00:00+07:00');
    const second = await run.handle.executeUpdate(submitUpdate, {
      args: [
        {
          obligationId: 'bao-cao-6-thang',
          values: { ...VALUES, 'so-mo-hinh-dan-van-kheo': 3 },
          documentNumber: '52/BC-UBND',
          channel: 'web',
        },
      ],
    });
    expect(second).toEqual({
      obligationId: 'bao-cao-6-thang',
      version: 2,
      submittedAt: sameMinuteAs('2022-05-12T15:00:00+07:00'),
      firstSubmittedAt: first.submittedAt,
      dueDate: '2022-05-10',
      timeliness: 'on-time',
    });
    const status = await run.waitForStatus(
      (s) => s.obligations[0]!.notifications.filter((n) => n.key.includes('/receipt-')).length === 2,
    );
    await run.stop();

    const obligation = status.obligations[0]!;
    expect(obligation.state).toBe('submitted-on-time');
    expect(
      obligation.submissions.map((s) => [
        s.version,
        s.submittedAt,
        s.documentNumber,
        s.values?.['so-mo-hinh-dan-van-kheo'],
      ]),
    ).toEqual([
      [1, first.submittedAt, '45/BC-UBND', 2],
      [2, second.submittedAt, '52/BC-UBND', 3],
    ]);
    const emails = harness.emails('xa-ia-tul').filter((e) => e.scheduledAt >= '2022-05-05');
    expect(emails.map((e) => e.event)).toEqual([`receipt-1@${first.submittedAt}`, `receipt-2@${second.submittedAt}`]);
  });
});
