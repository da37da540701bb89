import { Workbook, type Worksheet } from 'exceljs';
import { vnDate, vnDateTime } from '../domain/plan-time';
import type { ConsolidatedReport } from '../domain/report/consolidated-report';
import { REPORT_STATUS_LABELS } from './report-labels';
import { stableZip } from './stable-zip';

const BASIS_LABELS = { 'previous-period': 'Kỳ trước', 'previous-year': 'Cùng kỳ năm trước' } as const;

/** The report as a workbook: a summary sheet (counts, indicators, comparisons) and one row per unit. */
export async function reportXlsx(report: ConsolidatedReport): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'dondoc';
  // The report's own instant, so the same report always gives the same bytes.
  workbook.created = new Date(report.at);
  workbook.modified = new Date(report.at);
  summarySheet(workbook.addWorksheet('Tổng hợp'), report);
  unitsSheet(workbook.addWorksheet('Theo đơn vị'), report);
  return stableZip(Buffer.from(await workbook.xlsx.writeBuffer()), new Date(report.at));
}

function summarySheet(sheet: Worksheet, report: ConsolidatedReport): void {
  sheet.columns = [
    { width: 60 },
    { width: 14 },
    { width: 14 },
    ...report.comparisons.flatMap(() => [{ width: 14 }, { width: 12 }]),
  ];
  sheet.addRow([report.obligation.title]).font = { bold: true, size: 13 };
  sheet.addRow([`${report.plan.title} — ${report.plan.issuer}`]);
  sheet.addRow([`Số liệu đến ${vnDateTime(report.at)}`]);
  sheet.addRow([]);
  const counts = report.counts;
  for (const [label, value] of [
    ['Số đơn vị phải báo cáo', counts.total],
    ['Nộp đúng hạn', counts.onTime],
    ['Nộp trễ hạn', counts.late],
    ['Chưa nộp', counts.missing],
    ['Được miễn', counts.waived],
    ['Chưa đến hạn', counts.notYetDue],
  ] as const) {
    sheet.addRow([label, value]);
  }
  const rate = sheet.addRow(['Tỷ lệ đúng hạn', counts.onTimeRate ?? null]);
  rate.getCell(2).numFmt = '0.0%';
  sheet.addRow([]);

  const header = sheet.addRow([
    'Chỉ tiêu',
    'Kỳ này',
    'Số đơn vị có số liệu',
    ...report.comparisons.flatMap((c) => [BASIS_LABELS[c.basis], 'Tăng/giảm']),
  ]);
  header.font = { bold: true };
  for (const indicator of report.indicators) {
    if (indicator.kind === 'text') continue;
    const compared = report.comparisons.flatMap((c) => {
      const change = c.changes.find((x) => x.key === indicator.field.key);
      return [change?.previous ?? null, change?.change ?? null];
    });
    if (indicator.kind === 'sum')
      sheet.addRow([indicator.field.label, indicator.total, indicator.reported, ...compared]);
    else if (indicator.kind === 'average')
      sheet.addRow([
        `${indicator.field.label} (bình quân)`,
        indicator.average ?? null,
        indicator.reported,
        ...compared,
      ]);
    else
      sheet.addRow([
        `${indicator.field.label}: số đơn vị trả lời Có / Không`,
        indicator.yes,
        indicator.yes + indicator.no,
        indicator.no,
      ]);
  }
}

function unitsSheet(sheet: Worksheet, report: ConsolidatedReport): void {
  sheet.columns = [
    { header: 'Mã đơn vị', width: 24 },
    { header: 'Đơn vị', width: 40 },
    { header: 'Tình trạng', width: 14 },
    { header: 'Hạn nộp', width: 12 },
    { header: 'Thời điểm nộp', width: 18 },
    { header: 'Số ngày làm việc trễ', width: 12 },
    { header: 'Số văn bản', width: 14 },
    ...report.fields.map((f) => ({ header: f.label, width: f.type === 'text' ? 50 : 16 })),
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
  for (const line of report.units) {
    sheet.addRow([
      line.unit.id,
      line.unit.name,
      REPORT_STATUS_LABELS[line.status],
      line.dueDate ? vnDate(line.dueDate) : null,
      line.submittedAt ? vnDateTime(line.submittedAt) : null,
      line.workingDaysLate ?? null,
      line.documentNumber ?? null,
      ...report.fields.map((f) => {
        const value = line.values?.[f.key];
        return typeof value === 'boolean' ? (value ? 'Có' : 'Không') : (value ?? null);
      }),
    ]);
  }
  const total = sheet.addRow([
    '',
    'Tổng cộng',
    null,
    null,
    null,
    null,
    null,
    ...report.indicators.map((i) =>
      i.kind === 'sum' ? (i.reported > 0 ? i.total : null) : i.kind === 'average' ? (i.average ?? null) : null,
    ),
  ]);
  total.font = { bold: true };
}
