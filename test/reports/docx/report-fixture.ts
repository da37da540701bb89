import type { ConsolidatedReport, ReportField, ReportUnitLine } from '../../../domain/report/consolidated-report';

/**
 * A hand-made consolidated report of five units (three on time, one late, one missing) with known sums, against the
 * previous period and the previous year. The numbers below are what the tests expect the DOCX's tables to show.
 */
const FIELDS = {
  documents: { key: 'so-van-ban-chi-dao', label: 'Số kế hoạch, văn bản chỉ đạo đã ban hành', type: 'integer' },
  receptions: { key: 'so-luot-tiep-cong-dan', label: 'Số lượt tiếp công dân', type: 'integer' },
  petitions: { key: 'so-don-thu-tiep-nhan', label: 'Số đơn thư tiếp nhận', type: 'integer' },
  online: { key: 'ty-le-ho-so-truc-tuyen', label: 'Tỷ lệ hồ sơ tiếp nhận trực tuyến (%)', type: 'percent' },
  rules: { key: 'da-ban-hanh-quy-che-dan-chu', label: 'Đã ban hành quy chế dân chủ', type: 'boolean' },
  results: { key: 'ket-qua-dat-duoc', label: 'Kết quả đạt được', type: 'text' },
  shortcomings: { key: 'han-che-nguyen-nhan', label: 'Hạn chế, nguyên nhân', type: 'text' },
  directions: { key: 'phuong-huong-nhiem-vu', label: 'Phương hướng, nhiệm vụ thời gian tới', type: 'text' },
  proposals: { key: 'kien-nghi-de-xuat', label: 'Kiến nghị, đề xuất', type: 'text' },
} satisfies Record<string, ReportField>;

export const FIXTURE_SUMS = { documents: 10, receptions: 25, petitions: 4 } as const;
export const FIXTURE_ONLINE_AVERAGE = 80;

function unit(id: string, name: string): ReportUnitLine['unit'] {
  return { id, name, kind: id.startsWith('xa-') ? 'commune' : 'department' };
}

const UNITS: ReportUnitLine[] = [
  {
    unit: unit('phong-tu-phap', 'Phòng Tư pháp huyện'),
    status: 'on-time',
    dueDate: '2022-10-31',
    submittedAt: '2022-10-28T08:15:00+07:00',
    values: {
      'so-van-ban-chi-dao': 3,
      'so-luot-tiep-cong-dan': 10,
      'so-don-thu-tiep-nhan': 2,
      'ty-le-ho-so-truc-tuyen': 90,
      'da-ban-hanh-quy-che-dan-chu': true,
      'ket-qua-dat-duoc': 'Ban hành 03 văn bản chỉ đạo.\nTổ chức 01 hội nghị quán triệt.',
      'han-che-nguyen-nhan': 'Chưa bố trí được cán bộ chuyên trách.',
    },
  },
  {
    unit: unit('thanh-tra-huyen', 'Thanh tra huyện'),
    status: 'on-time',
    dueDate: '2022-10-31',
    submittedAt: '2022-10-31T16:40:00+07:00',
    values: {
      'so-van-ban-chi-dao': 2,
      'so-luot-tiep-cong-dan': 5,
      'so-don-thu-tiep-nhan': 0,
      'ty-le-ho-so-truc-tuyen': 80,
      'da-ban-hanh-quy-che-dan-chu': true,
      'ket-qua-dat-duoc': 'Tiếp 05 lượt công dân, không có đơn thư.',
      'kien-nghi-de-xuat': 'Đề nghị tập huấn nghiệp vụ tiếp công dân.',
    },
  },
  {
    unit: unit('xa-ia-tul', 'UBND xã Ia Tul'),
    status: 'on-time',
    dueDate: '2022-10-31',
    submittedAt: '2022-10-25T10:00:00+07:00',
    values: {
      'so-van-ban-chi-dao': 4,
      'so-luot-tiep-cong-dan': 7,
      'so-don-thu-tiep-nhan': 1,
      'da-ban-hanh-quy-che-dan-chu': false,
      'ket-qua-dat-duoc': 'Xây dựng mô hình “Dân vận khéo” về phát triển sản xuất.',
      'phuong-huong-nhiem-vu': 'Nhân rộng mô hình trong năm 2023.',
    },
  },
  {
    unit: unit('xa-po-to', 'UBND xã Pờ Tó'),
    status: 'late',
    dueDate: '2022-10-31',
    submittedAt: '2022-11-01T09:00:00+07:00',
    workingDaysLate: 1,
    values: {
      'so-van-ban-chi-dao': 1,
      'so-luot-tiep-cong-dan': 3,
      'so-don-thu-tiep-nhan': 1,
      'ty-le-ho-so-truc-tuyen': 70,
      'da-ban-hanh-quy-che-dan-chu': true,
      'ket-qua-dat-duoc': 'Hoàn thành kế hoạch tự kiểm tra.',
    },
  },
  { unit: unit('xa-kim-tan', 'UBND xã Kim Tân'), status: 'missing', dueDate: '2022-10-31', workingDaysLate: 2 },
];

const answers = (key: string) =>
  UNITS.flatMap((line) => {
    const text = line.values?.[key];
    return typeof text === 'string' ? [{ unit: { id: line.unit.id, name: line.unit.name }, text }] : [];
  });

export function reportFixture(): ConsolidatedReport {
  return {
    cycle: { planId: 'dvcq-ia-pa', year: 2022 },
    plan: {
      id: 'dvcq-ia-pa',
      title: 'Kế hoạch triển khai thực hiện công tác Dân vận chính quyền',
      reference: 'Kế hoạch số .../KH-UBND tháng 4/2022 của UBND huyện Ia Pa',
      issuer: 'Ủy ban nhân dân huyện Ia Pa',
      place: 'Ia Pa',
    },
    supervisor: {
      id: 'phong-noi-vu',
      name: 'Phòng Nội vụ huyện',
      head: { name: 'Trưởng phòng Nội vụ', title: 'Trưởng phòng' },
    },
    leadership: [{ name: 'Ksor Suy', title: 'Phó Chủ tịch UBND huyện' }],
    obligation: {
      id: 'bao-cao-nam',
      title: 'Báo cáo kết quả thực hiện công tác Dân vận chính quyền năm (kèm mô hình “Dân vận khéo”)',
      nominalDueDate: '2022-10-31',
    },
    at: '2022-11-02T08:00:00+07:00',
    final: false,
    counts: { total: 5, onTime: 3, late: 1, missing: 1, waived: 0, notYetDue: 0, onTimeRate: 0.6 },
    units: UNITS,
    lateUnits: UNITS.filter((line) => line.status === 'late'),
    missingUnits: UNITS.filter((line) => line.status === 'missing'),
    fields: Object.values(FIELDS),
    indicators: [
      { kind: 'sum', field: FIELDS.documents, total: FIXTURE_SUMS.documents, reported: 4 },
      { kind: 'sum', field: FIELDS.receptions, total: FIXTURE_SUMS.receptions, reported: 4 },
      { kind: 'sum', field: FIELDS.petitions, total: FIXTURE_SUMS.petitions, reported: 4 },
      { kind: 'average', field: FIELDS.online, average: FIXTURE_ONLINE_AVERAGE, reported: 3 },
      { kind: 'yes-no', field: FIELDS.rules, yes: 3, no: 1 },
      { kind: 'text', field: FIELDS.results, answers: answers(FIELDS.results.key) },
      { kind: 'text', field: FIELDS.shortcomings, answers: answers(FIELDS.shortcomings.key) },
      { kind: 'text', field: FIELDS.directions, answers: answers(FIELDS.directions.key) },
      { kind: 'text', field: FIELDS.proposals, answers: answers(FIELDS.proposals.key) },
    ],
    comparisons: [
      {
        basis: 'previous-period',
        against: {
          planId: 'dvcq-ia-pa',
          year: 2022,
          obligationId: 'bao-cao-6-thang',
          obligationTitle: 'Báo cáo kết quả thực hiện công tác Dân vận chính quyền 6 tháng đầu năm',
        },
        counts: { total: 5, onTime: 4, late: 1, missing: 0, waived: 0, notYetDue: 0, onTimeRate: 0.8 },
        changes: [
          {
            key: 'so-van-ban-chi-dao',
            label: FIELDS.documents.label,
            kind: 'sum',
            current: 10,
            previous: 12,
            change: -2,
          },
          {
            key: 'so-luot-tiep-cong-dan',
            label: FIELDS.receptions.label,
            kind: 'sum',
            current: 25,
            previous: 20,
            change: 5,
          },
          {
            key: 'ty-le-ho-so-truc-tuyen',
            label: FIELDS.online.label,
            kind: 'average',
            current: 80,
            previous: 75.5,
            change: 4.5,
          },
        ],
      },
      {
        basis: 'previous-year',
        against: {
          planId: 'dvcq-ia-pa',
          year: 2021,
          obligationId: 'bao-cao-nam',
          obligationTitle: 'Báo cáo kết quả thực hiện công tác Dân vận chính quyền năm (kèm mô hình “Dân vận khéo”)',
        },
        counts: { total: 5, onTime: 2, late: 2, missing: 1, waived: 0, notYetDue: 0, onTimeRate: 0.4 },
        changes: [
          {
            key: 'so-van-ban-chi-dao',
            label: FIELDS.documents.label,
            kind: 'sum',
            current: 10,
            previous: 8,
            change: 2,
          },
          {
            key: 'so-don-thu-tiep-nhan',
            label: FIELDS.petitions.label,
            kind: 'sum',
            current: 4,
            previous: 4,
            change: 0,
          },
        ],
      },
    ],
  };
}
