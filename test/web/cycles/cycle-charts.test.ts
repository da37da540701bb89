import { cycleCharts, LATE_UNITS_SHOWN } from '../../../web/cycles/cycle-charts';
import { fixtureInput, PLAN, unit } from '../charts/chart-fixtures';

describe('cycleCharts (the numbers of the Tổng quan pictures)', () => {
  const charts = cycleCharts(fixtureInput());

  it('counts each obligation’s units by state, in plan order', () => {
    expect(charts.obligations.map((bar) => [bar.id, bar.counts, bar.total])).toEqual([
      ['ke-hoach', { 'submitted-on-time': 3, 'submitted-late': 1, overdue: 0, waived: 1, pending: 0 }, 5],
      ['bao-cao', { 'submitted-on-time': 0, 'submitted-late': 1, overdue: 2, waived: 1, pending: 0 }, 4],
      ['tong-ket', { 'submitted-on-time': 0, 'submitted-late': 0, overdue: 0, waived: 0, pending: 5 }, 5],
    ]);
    expect(charts.obligations[0]?.title).toBe('Xây dựng kế hoạch triển khai');
  });

  it('adds the obligations only the units know (a plan amended since) after the plan’s own', () => {
    const amended = cycleCharts(fixtureInput({ plan: { obligations: PLAN.obligations.slice(1) } }));
    expect(amended.obligations.map((bar) => bar.id)).toEqual(['bao-cao', 'tong-ket', 'ke-hoach']);
  });

  it('counts first submissions per plan day (Vietnam time), cumulative, against what must be submitted', () => {
    expect(charts.progress).toEqual({
      from: '2026-03-10',
      to: '2026-12-15',
      lineEnds: '2026-06-15',
      today: '2026-06-15',
      // 14 unit-obligations (5 + 4 + 5), 2 of them waived.
      required: 12,
      days: [
        { date: '2026-03-10', submitted: 2, cumulative: 2 },
        { date: '2026-03-11', submitted: 1, cumulative: 3 },
        { date: '2026-03-20', submitted: 1, cumulative: 4 },
        { date: '2026-06-12', submitted: 1, cumulative: 5 },
      ],
      deadlines: [
        { date: '2026-03-17', titles: ['Xây dựng kế hoạch triển khai'] },
        { date: '2026-06-10', titles: ['Báo cáo kết quả 6 tháng'] },
        { date: '2026-12-15', titles: ['Báo cáo tổng kết năm'] },
      ],
    });
  });

  it('stops the line at the last submission while the cycle has not begun, and has no progress without any date', () => {
    const early = cycleCharts(fixtureInput({ nowMs: Date.parse('2025-12-01T08:00:00+07:00') })).progress;
    expect(early).toMatchObject({ from: '2026-03-10', to: '2026-12-15', lineEnds: '2026-06-12' });
    expect(early?.today).toBeUndefined();
    expect(cycleCharts(fixtureInput({ statuses: [] })).progress).toBeUndefined();
  });

  it('ranks units by late plus overdue obligations, overdue first on a tie, then by name', () => {
    expect(charts.lateUnits).toEqual([
      { unitId: 'xa-dong', name: 'UBND xã Đông', late: 1, overdue: 1, total: 2 },
      { unitId: 'xa-bac', name: 'UBND xã Bắc', late: 0, overdue: 1, total: 1 },
      { unitId: 'xa-tay', name: 'UBND xã Tây', late: 1, overdue: 0, total: 1 },
    ]);
    expect(charts.lateUnitCount).toBe(3);
  });

  it('shows the first ten of more late units, in Vietnamese alphabetical order on a tie', () => {
    const names = ['Ấp', 'An', 'Bình', 'Đông', 'Dương', 'Giang', 'Hà', 'Hòa', 'Kim', 'Lâm', 'Minh', 'Nam'];
    const statuses = names.map((name, index) =>
      unit(`u-${index}`, name, [{ id: 'ke-hoach', state: 'submitted-late', submittedAt: '2026-03-20T08:00:00+07:00' }]),
    );
    const ranked = cycleCharts(fixtureInput({ statuses }));
    expect(ranked.lateUnitCount).toBe(12);
    expect(ranked.lateUnits.map((u) => u.name)).toEqual(
      ['An', 'Ấp', 'Bình', 'Dương', 'Đông', 'Giang', 'Hà', 'Hòa', 'Kim', 'Lâm'].slice(0, LATE_UNITS_SHOWN),
    );
  });

  it('lays the year out as 12 months of days: weekends, days off, làm-bù days and due dates', () => {
    const { months } = charts.calendar;
    expect(months.map((m) => m.days.length)).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    // January 2026 starts on a Thursday: 9 weekend days, of which Saturday 10/01 is worked (làm bù for Friday
    // 02/01); 01/01 and 02/01 are off: 31 − 8 − 2 = 21 working days.
    expect(months[0]).toMatchObject({ working: 21, weekend: 8, dayOff: 2, workingWeekend: 1, deadlineDates: [] });
    expect(months[0]?.days[9]).toEqual({
      date: '2026-01-10',
      day: 10,
      kind: 'working-weekend',
      name: 'Làm bù cho ngày nghỉ 02/01/2026',
      deadlines: [],
      today: false,
    });
    // February 2026: Tết 16–20/02 (Monday to Friday), 8 weekend days: 28 − 8 − 5 = 15.
    expect(months[1]).toMatchObject({ working: 15, weekend: 8, dayOff: 5, workingWeekend: 0 });
    expect(months[2]?.deadlineDates).toEqual(['2026-03-17']);
    expect(months[2]?.days[16]).toMatchObject({ kind: 'working', deadlines: ['Xây dựng kế hoạch triển khai'] });
    expect(months[5]?.days[14]).toMatchObject({ date: '2026-06-15', today: true });
    expect(months[3]?.days[29]).toMatchObject({ kind: 'day-off', name: 'Ngày Chiến thắng' });
    const year = months.reduce(
      (sum, m) => ({ working: sum.working + m.working, off: sum.off + m.dayOff + m.weekend }),
      { working: 0, off: 0 },
    );
    expect(year.working + year.off).toBe(365);
  });
});
