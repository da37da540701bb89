import type { Paragraph, Table } from 'docx';
import { formatVietnameseDate, parsePlanDateTime, planDayOf, vnDate } from '../../domain/plan-time';
import type { ConsolidatedReport, ReportComparison, ReportUnitLine } from '../../domain/report/consolidated-report';
import { officeName } from './document-names';
import { formatRate } from './number-format';
import { PORTRAIT_TEXT_WIDTH } from './page-setup';
import { bodyParagraph } from './paragraphs';
import { reportSubject, subjectInSentence } from './report-subject';
import { bodyRow, headerCell, headerRow, ruledTable, textCell, withSpaceAfter } from './table-cells';

const LATE_TABLE_WIDTHS = [680, 3800, 1500, 1700, PORTRAIT_TEXT_WIDTH - 680 - 3800 - 1500 - 1700];

/**
 * Section I's facts about the units' reports: how many came in on time, late, not at all, were waived or are not yet
 * due, the on-time rate against the compared reports', then the late and missing units in a table.
 */
export function submissionFacts(report: ConsolidatedReport): (Paragraph | Table)[] {
  const { counts } = report;
  const of = (count: number) => `${count}/${counts.total} cơ quan, đơn vị, địa phương`;
  const overdue = [...report.lateUnits, ...report.missingUnits];
  const lines = [
    `Hạn gửi báo cáo: ngày ${vnDate(report.obligation.nominalDueDate)}. ` +
      `Số cơ quan, đơn vị, địa phương phải báo cáo: ${counts.total}. Số liệu tổng hợp đến ngày ${instantDate(report.at)}:`,
    `- Gửi báo cáo đúng hạn: ${of(counts.onTime)};`,
    `- Gửi báo cáo trễ hạn: ${of(counts.late)};`,
    `- Chưa gửi báo cáo: ${of(counts.missing)};`,
    ...(counts.waived > 0 ? [`- Được miễn báo cáo: ${of(counts.waived)};`] : []),
    ...(counts.notYetDue > 0 ? [`- Chưa đến hạn báo cáo (đã gia hạn): ${of(counts.notYetDue)};`] : []),
    ...(counts.onTimeRate === undefined
      ? []
      : [
          `- Tỷ lệ gửi báo cáo đúng hạn: ${formatRate(counts.onTimeRate)} (không tính đơn vị được miễn, chưa đến hạn).`,
        ]),
    ...report.comparisons.map(comparedTimeliness),
  ];
  return [
    ...lines.map((line) => bodyParagraph([line])),
    ...(overdue.length === 0
      ? []
      : [
          bodyParagraph(['Các cơ quan, đơn vị, địa phương gửi báo cáo trễ hạn, chưa gửi báo cáo:'], true),
          ...withSpaceAfter(overdueTable(overdue)),
        ]),
    ...(report.final
      ? []
      : [
          bodyParagraph([
            'Số liệu tại báo cáo này chưa gồm các cơ quan, đơn vị, địa phương chưa gửi báo cáo; ' +
              `${officeName(report.supervisor.name)} sẽ tổng hợp bổ sung khi nhận đủ báo cáo.`,
          ]),
        ]),
  ];
}

function comparedTimeliness(comparison: ReportComparison): string {
  const basis = comparison.basis === 'previous-period' ? 'Kỳ báo cáo trước' : `Cùng kỳ năm ${comparison.against.year}`;
  const subject = subjectInSentence(reportSubject(comparison.against.obligationTitle, comparison.against.year));
  const rate = comparison.counts.onTimeRate === undefined ? '' : ` (${formatRate(comparison.counts.onTimeRate)})`;
  return `- ${basis} (${subject}): ${comparison.counts.onTime}/${comparison.counts.total} đơn vị gửi báo cáo đúng hạn${rate}.`;
}

/** Late units (the latest first), then missing ones (the longest overdue first), with their own due dates. */
function overdueTable(lines: readonly ReportUnitLine[]): Table {
  return ruledTable(LATE_TABLE_WIDTHS, [
    headerRow([
      headerCell('STT'),
      headerCell('Cơ quan, đơn vị, địa phương'),
      headerCell('Hạn gửi'),
      headerCell('Ngày gửi'),
      headerCell('Số ngày làm việc trễ hạn'),
    ]),
    ...lines.map((line, index) =>
      bodyRow([
        textCell(String(index + 1), { align: 'center' }),
        textCell(line.unit.name),
        textCell(vnDate(line.dueDate), { align: 'center' }),
        line.submittedAt
          ? textCell(instantDate(line.submittedAt), { align: 'center' })
          : textCell('Chưa gửi', { align: 'center', italics: true }),
        textCell(line.workingDaysLate === undefined ? '' : String(line.workingDaysLate), { align: 'center' }),
      ]),
    ),
  ]);
}

/** An ISO instant's plan day as `dd/MM/yyyy`. */
export function instantDate(instant: string): string {
  const epochMs = parsePlanDateTime(instant);
  return epochMs === undefined ? instant : formatVietnameseDate(planDayOf(epochMs));
}
