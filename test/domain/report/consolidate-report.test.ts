import { loadAnnouncedSchedules } from '../../../config/calendars';
import { createWorkingCalendar } from '../../../domain/calendar';
import type { UnitStatus } from '../../../domain/cycle/unit-status';
import { workingDaysOn } from '../../../domain/dispatch/enrich-items';
import { consolidateReport, type ConsolidationInput } from '../../../domain/report/consolidate-report';
import type { ReportField, ReportUnitLine } from '../../../domain/report/consolidated-report';
import { previousPeriodOf } from '../../../domain/report/previous-period';
import { reportLinesOf } from '../../../domain/report/report-lines';

const fields: ReportField[] = [
  { key: 'so-mo-hinh', label: 'Số mô hình', type: 'integer' },
  { key: 'ty-le', label: 'Tỷ lệ hồ sơ trực tuyến (%)', type: 'percent' },
  { key: 'da-tu-kiem-tra', label: 'Đã tự kiểm tra', type: 'boolean' },
  { key: 'ket-qua', label: 'Kết quả đạt được', type: 'text' },
];

function line(id: string, status: ReportUnitLine['status'], extra: Partial<ReportUnitLine> = {}): ReportUnitLine {
  return { unit: { id, name: `Đơn vị ${id}` }, status, dueDate: '2022-05-10', ...extra };
}

// Hand-computed: sums 2 + 3 + 0 = 5 over 3 units; percent (40 + 70) / 2 = 55 over 2 (C left it blank, D and E
// never reported and count for nothing); yes 2, no 1; texts of A and C (B's blank answer is dropped).
const units: ReportUnitLine[] = [
  line('a', 'on-time', { values: { 'so-mo-hinh': 2, 'ty-le': 40, 'da-tu-kiem-tra': true, 'ket-qua': 'Tốt' } }),
  line('b', 'late', {
    workingDaysLate: 2,
    values: { 'so-mo-hinh': 3, 'ty-le': 70, 'da-tu-kiem-tra': false, 'ket-qua': ' ' },
  }),
  line('c', 'late', { workingDaysLate: 5, values: { 'so-mo-hinh': 0, 'da-tu-kiem-tra': true, 'ket-qua': 'Khá' } }),
  line('d', 'missing', { workingDaysLate: 1 }),
  line('e', 'missing', { workingDaysLate: 6 }),
  line('f', 'waived'),
  line('g', 'not-yet-due', { dueDate: '2022-05-20' }),
];

const base: ConsolidationInput = {
  cycle: { planId: 'dvcq-ia-pa', year: 2022 },
  plan: { id: 'dvcq-ia-pa', title: 'Kế hoạch', issuer: 'Ủy ban nhân dân huyện Ia Pa', place: 'Ia Pa' },
  supervisor: { id: 'phong-noi-vu', name: 'Phòng Nội vụ huyện' },
  leadership: [],
  obligation: { id: 'bao-cao-nam', title: 'Báo cáo năm', nominalDueDate: '2022-10-30' },
  at: '2022-11-02T08:00:00+07:00',
  final: false,
  fields,
  units,
};

describe('consolidateReport', () => {
  const report = consolidateReport(base);

  it('counts units by status; the on-time rate leaves out the waived and those not yet due', () => {
    expect(report.counts).toEqual({
      total: 7,
      onTime: 1,
      late: 2,
      missing: 2,
      waived: 1,
      notYetDue: 1,
      onTimeRate: 1 / 5,
    });
  });

  it('lists late and missing units, the latest first', () => {
    expect(report.lateUnits.map((l) => [l.unit.id, l.workingDaysLate])).toEqual([
      ['c', 5],
      ['b', 2],
    ]);
    expect(report.missingUnits.map((l) => [l.unit.id, l.workingDaysLate])).toEqual([
      ['e', 6],
      ['d', 1],
    ]);
  });

  it('sums counts, averages percentages over the units that gave them, counts yes/no, gathers texts', () => {
    expect(report.indicators).toEqual([
      { kind: 'sum', field: fields[0], total: 5, reported: 3 },
      { kind: 'average', field: fields[1], average: 55, reported: 2 },
      { kind: 'yes-no', field: fields[2], yes: 2, no: 1 },
      {
        kind: 'text',
        field: fields[3],
        answers: [
          { unit: { id: 'a', name: 'Đơn vị a' }, text: 'Tốt' },
          { unit: { id: 'c', name: 'Đơn vị c' }, text: 'Khá' },
        ],
      },
    ]);
  });

  it('never averages over nobody: a percentage no unit gave has no value', () => {
    const empty = consolidateReport({ ...base, units: [line('d', 'missing')] });
    expect(empty.indicators[1]).toEqual({ kind: 'average', field: fields[1], reported: 0 });
    expect(empty.counts.onTimeRate).toBe(0);
    expect(consolidateReport({ ...base, units: [line('f', 'waived')] }).counts.onTimeRate).toBeUndefined();
  });

  it('compares the indicators both reports share, against the previous period and last year', () => {
    const sixMonths: ReportField[] = [fields[0]!, fields[1]!];
    const compared = consolidateReport({
      ...base,
      comparisons: [
        {
          basis: 'previous-period',
          against: { planId: 'dvcq-ia-pa', year: 2022, obligationId: 'bao-cao-6-thang', obligationTitle: '6 tháng' },
          fields: sixMonths,
          lines: [line('a', 'on-time', { values: { 'so-mo-hinh': 1, 'ty-le': 30 } }), line('b', 'missing')],
        },
        {
          basis: 'previous-year',
          against: { planId: 'dvcq-ia-pa', year: 2021, obligationId: 'bao-cao-nam', obligationTitle: 'Năm 2021' },
          fields: [fields[1]!],
          lines: [line('a', 'late', { values: { 'ty-le': 61.5 } })],
        },
      ],
    });
    expect(compared.comparisons).toEqual([
      {
        basis: 'previous-period',
        against: { planId: 'dvcq-ia-pa', year: 2022, obligationId: 'bao-cao-6-thang', obligationTitle: '6 tháng' },
        counts: { total: 2, onTime: 1, late: 0, missing: 1, waived: 0, notYetDue: 0, onTimeRate: 0.5 },
        changes: [
          { key: 'so-mo-hinh', label: 'Số mô hình', kind: 'sum', current: 5, previous: 1, change: 4 },
          { key: 'ty-le', label: 'Tỷ lệ hồ sơ trực tuyến (%)', kind: 'average', current: 55, previous: 30, change: 25 },
        ],
      },
      {
        basis: 'previous-year',
        against: { planId: 'dvcq-ia-pa', year: 2021, obligationId: 'bao-cao-nam', obligationTitle: 'Năm 2021' },
        counts: { total: 1, onTime: 0, late: 1, missing: 0, waived: 0, notYetDue: 0, onTimeRate: 0 },
        changes: [
          {
            key: 'ty-le',
            label: 'Tỷ lệ hồ sơ trực tuyến (%)',
            kind: 'average',
            current: 55,
            previous: 61.5,
            change: -6.5,
          },
        ],
      },
    ]);
  });
});

describe('previousPeriodOf', () => {
  const sixMonths = { id: 'bao-cao-6-thang', nominalDueDate: '2022-05-10', fields: [fields[0]!] };
  const yearly = { id: 'bao-cao-nam', nominalDueDate: '2022-10-30', fields };
  const unrelated = {
    id: 'khac',
    nominalDueDate: '2022-09-01',
    fields: [{ key: 'x', label: 'X', type: 'text' as const }],
  };

  it('is the report due last before this one that shares a field', () => {
    expect(previousPeriodOf([sixMonths, unrelated, yearly], 'bao-cao-nam')).toBe(sixMonths);
    expect(previousPeriodOf([sixMonths, unrelated, yearly], 'bao-cao-6-thang')).toBeUndefined();
  });
});

describe('reportLinesOf', () => {
  const calendar = createWorkingCalendar({ announced: loadAnnouncedSchedules() });
  const obligation = (state: string, extra: object = {}) => ({
    id: 'bao-cao-6-thang',
    title: 'Báo cáo 6 tháng',
    deliverable: 'report' as const,
    nominalDueDate: '2022-05-10',
    dueDate: '2022-05-10',
    state,
    level: 0,
    events: [],
    submissions: [],
    extensions: [],
    notifications: [],
    ...extra,
  });
  const status = (id: string, o: object): UnitStatus =>
    ({
      cycle: { planId: 'p', year: 2022 },
      unit: { id, name: id },
      obligations: [o],
      contactProblems: [],
      closed: false,
    }) as unknown as UnitStatus;
  const submission = (at: string, values: object) => ({ submittedAt: at, channel: 'web', values, version: 1 });

  it('counts working days late to the first submission, or to the report for a missing unit', () => {
    const lines = reportLinesOf(
      [
        // Due Tue 10/5/2022; submitted Mon 16/5: Wed, Thu, Fri, Mon = 4 working days late.
        status(
          'late',
          obligation('submitted-late', {
            submissions: [
              submission('2022-05-16T09:00:00+07:00', { n: 1 }),
              submission('2022-05-17T09:00:00+07:00', { n: 2 }),
            ],
          }),
        ),
        status('missing', obligation('overdue')),
        status('extended', obligation('pending', { dueDate: '2022-05-20' })),
      ],
      'bao-cao-6-thang',
      {
        atMs: Date.parse('2022-05-12T08:00:00+07:00'),
        workingDaysLate: (due, at) => -workingDaysOn(calendar)(due, at),
        kindOf: () => 'commune',
      },
    );
    expect(lines).toEqual([
      {
        unit: { id: 'late', name: 'late', kind: 'commune' },
        status: 'late',
        dueDate: '2022-05-10',
        submittedAt: '2022-05-16T09:00:00+07:00',
        values: { n: 2 },
        workingDaysLate: 4,
      },
      {
        unit: { id: 'missing', name: 'missing', kind: 'commune' },
        status: 'missing',
        dueDate: '2022-05-10',
        workingDaysLate: 2,
      },
      { unit: { id: 'extended', name: 'extended', kind: 'commune' }, status: 'not-yet-due', dueDate: '2022-05-20' },
    ]);
  });
});
