import { CommandRejected } from '../../../domain/cycle/command-rejected';
import {
  applySubmit,
  applyWaive,
  checkExtend,
  checkRecompiled,
  checkResend,
  checkSubmit,
  checkWaive,
  obligationInput,
  type SubmitInput,
} from '../../../domain/cycle/unit-commands';
import { initialUnitState, type UnitState } from '../../../domain/cycle/unit-state';
import { compileCycle, HALF_YEAR_REPORT_VALUES } from '../../helpers/cycle';
import { seedPlan } from '../../helpers/plans';

const input = compileCycle(seedPlan(), 2022, '2022-04-20').unitWith(
  'xa-ia-tul',
  'bao-cao-6-thang',
  'ke-hoach-tu-kiem-tra',
);
const NOW = Date.parse('2022-05-05T10:00:00+07:00');
const REPORT: SubmitInput = { obligationId: 'bao-cao-6-thang', values: HALF_YEAR_REPORT_VALUES };

/** The message `check` was refused with; fails when it was accepted or threw anything but a CommandRejected. */
function refusal(check: () => unknown): string {
  try {
    check();
  } catch (err) {
    expect(err).toBeInstanceOf(CommandRejected);
    return (err as Error).message;
  }
  throw new Error('accepted');
}

describe('unit commands', () => {
  let state: UnitState;

  beforeEach(() => {
    state = initialUnitState(input);
  });

  describe('checkSubmit', () => {
    it('accepts a valid report and returns its values as the form reads them', () => {
      expect(
        checkSubmit(input, state, { ...REPORT, values: { ...REPORT.values, 'so-luot-tiep-cong-dan': '12' } }, NOW),
      ).toMatchObject({ 'so-luot-tiep-cong-dan': 12 });
      expect(checkSubmit(input, state, { obligationId: 'ke-hoach-tu-kiem-tra' }, NOW)).toBeUndefined();
    });

    it('refuses an obligation the unit does not have', () => {
      expect(refusal(() => checkSubmit(input, state, { obligationId: 'khong-co' }, NOW))).toBe(
        'Đơn vị không có nhiệm vụ «khong-co» trong kế hoạch này',
      );
    });

    it('refuses a waived obligation and a closed cycle', () => {
      applyWaive(state, { obligationId: 'bao-cao-6-thang', reason: 'Sáp nhập' }, '2022-05-01T09:00:00+07:00');
      expect(refusal(() => checkSubmit(input, state, REPORT, NOW))).toBe(
        'Nhiệm vụ «Báo cáo kết quả thực hiện công tác Dân vận chính quyền 6 tháng đầu năm» đã được miễn, không cần nộp',
      );
      state.closed = true;
      expect(refusal(() => checkSubmit(input, state, { obligationId: 'ke-hoach-tu-kiem-tra' }, NOW))).toBe(
        'Chu kỳ đã đóng',
      );
    });

    it('names every form error, and refuses values for an obligation without a form', () => {
      const values = { ...HALF_YEAR_REPORT_VALUES, 'so-mo-hinh-dan-van-kheo': -1, 'ket-qua-dat-duoc': undefined };
      expect(refusal(() => checkSubmit(input, state, { ...REPORT, values }, NOW))).toBe(
        '«Số mô hình “Dân vận khéo” đăng ký xây dựng» không được nhỏ hơn 0; «Kết quả đạt được» là trường bắt buộc',
      );
      expect(
        refusal(() => checkSubmit(input, state, { obligationId: 'ke-hoach-tu-kiem-tra', values: { a: 1 } }, NOW)),
      ).toMatch(/không có biểu mẫu số liệu$/);
    });

    it('checks the document number and date', () => {
      expect(refusal(() => checkSubmit(input, state, { ...REPORT, documentNumber: '45-BC-UBND' }, NOW))).toBe(
        'Số văn bản «45-BC-UBND» không đúng dạng, ví dụ 45/BC-UBND',
      );
      expect(checkSubmit(input, state, { ...REPORT, documentNumber: ' 12/TTr-UBND ' }, NOW)).toBeDefined();
      expect(refusal(() => checkSubmit(input, state, { ...REPORT, documentDate: '2022-02-30' }, NOW))).toBe(
        'Ngày văn bản «2022-02-30» không hợp lệ (YYYY-MM-DD)',
      );
    });

    it('takes a paper submission received in the past, never one in the future or at no valid instant', () => {
      expect(checkSubmit(input, state, { ...REPORT, receivedAt: '2022-05-05T09:59:00+07:00' }, NOW)).toBeDefined();
      expect(checkSubmit(input, state, { ...REPORT, receivedAt: '2022-05-05T10:00:00+07:00' }, NOW)).toBeDefined();
      expect(
        refusal(() => checkSubmit(input, state, { ...REPORT, receivedAt: '2022-05-05T10:00:01+07:00' }, NOW)),
      ).toBe('Thời điểm nhận văn bản giấy không được ở tương lai');
      expect(refusal(() => checkSubmit(input, state, { ...REPORT, receivedAt: 'hôm qua' }, NOW))).toBe(
        'Thời điểm nhận «hôm qua» không hợp lệ',
      );
    });
  });

  it('numbers re-submissions and counts timeliness from the first one', () => {
    const first = applySubmit(state, REPORT, HALF_YEAR_REPORT_VALUES, '2022-05-10T23:59:00+07:00');
    const second = applySubmit(state, REPORT, HALF_YEAR_REPORT_VALUES, '2022-05-12T09:00:00+07:00');
    expect([first.version, first.timeliness]).toEqual([1, 'on-time']);
    expect(second).toMatchObject({ version: 2, timeliness: 'on-time', firstSubmittedAt: first.submittedAt });
  });

  describe('checkExtend and checkRecompiled', () => {
    const extend = { obligationId: 'bao-cao-6-thang', newDueDate: '2022-05-20', reason: 'Mưa lũ' };

    it('needs a valid later date and a reason', () => {
      expect(() => checkExtend(input, state, extend)).not.toThrow();
      expect(refusal(() => checkExtend(input, state, { ...extend, newDueDate: '20/05/2022' }))).toBe(
        'Hạn mới «20/05/2022» không hợp lệ',
      );
      expect(refusal(() => checkExtend(input, state, { ...extend, newDueDate: '2022-05-10' }))).toBe(
        'Hạn mới phải sau hạn hiện tại (2022-05-10)',
      );
      expect(refusal(() => checkExtend(input, state, { ...extend, reason: '  ' }))).toBe('Cần ghi lý do gia hạn');
    });

    it('refuses once the obligation is resolved, also after the dates were compiled', () => {
      applySubmit(state, REPORT, HALF_YEAR_REPORT_VALUES, '2022-05-05T10:00:00+07:00');
      const resolved = /đã nộp hoặc đã được miễn$/;
      expect(refusal(() => checkExtend(input, state, extend))).toMatch(resolved);
      expect(refusal(() => checkRecompiled(input, state, extend, { dueDate: '2022-05-20' }))).toMatch(resolved);
    });

    it('refuses a new date that the working-day rule brings back to the current one', () => {
      expect(refusal(() => checkRecompiled(input, state, extend, { dueDate: '2022-05-10' }))).toBe(
        'Hạn mới phải sau hạn hiện tại (2022-05-10); 2022-05-20 tính theo ngày làm việc là 2022-05-10',
      );
    });
  });

  it('waives an open obligation only, with a reason', () => {
    const waive = { obligationId: 'bao-cao-6-thang', reason: 'Sáp nhập' };
    expect(refusal(() => checkWaive(input, state, { ...waive, reason: '' }))).toBe('Cần ghi lý do miễn');
    applyWaive(state, waive, '2022-05-01T09:00:00+07:00');
    expect(refusal(() => checkWaive(input, state, waive))).toMatch(/đã được miễn$/);
    applySubmit(state, { obligationId: 'ke-hoach-tu-kiem-tra' }, undefined, '2022-05-02T09:00:00+07:00');
    expect(refusal(() => checkWaive(input, state, { ...waive, obligationId: 'ke-hoach-tu-kiem-tra' }))).toMatch(
      /đã nộp$/,
    );
  });

  it('resends a reminder about an open obligation of an open cycle only', () => {
    expect(() => checkResend(input, state, 'bao-cao-6-thang')).not.toThrow();
    applyWaive(state, { obligationId: 'bao-cao-6-thang', reason: 'Sáp nhập' }, '2022-05-01T09:00:00+07:00');
    expect(refusal(() => checkResend(input, state, 'bao-cao-6-thang'))).toMatch(/đã nộp hoặc đã được miễn$/);
    state.closed = true;
    expect(refusal(() => checkResend(input, state, 'ke-hoach-tu-kiem-tra'))).toBe('Chu kỳ đã đóng');
  });

  it("finds an obligation's rules in the unit's own input", () => {
    expect(obligationInput(input, 'bao-cao-6-thang').form?.id).toBeDefined();
    expect(refusal(() => obligationInput(input, 'khong-co'))).toBe(
      'Đơn vị không có nhiệm vụ «khong-co» trong kế hoạch này',
    );
  });
});
