import type { Paragraph } from 'docx';
import { formatVietnameseDate, parsePlanDateTime, planDayOf, vnDate } from '../../domain/plan-time';
import type { ConsolidatedReport, ReportUnitLine } from '../../domain/report/consolidated-report';
import { formatRate } from './number-format';
import { bodyParagraph } from './paragraphs';
import { reportSubject, subjectInSentence } from './report-subject';

/**
 * Section I's facts about the units' reports: how many came in on time, late, not at all, were waived or are not yet
 * due, the on-time rate, who was late and by how many working days, who is missing.
 */
export function submissionFacts(report: ConsolidatedReport): Paragraph[] {
  const { counts } = report;
  const of = (count: number) => `${count}/${counts.total} cơ quan, đơn vị, địa phương`;
  const lines = [
    `Hạn gửi báo cáo: ngày ${vnDate(report.obligation.nominalDueDate)}. Số cơ quan, đơn vị, địa phương phải báo cáo: ${counts.total}. ` +
      `Số liệu tổng hợp đến ngày ${instantDate(report.at)}:`,
    `- Gửi báo cáo đúng hạn: ${of(counts.onTime)};`,
    `- Gửi báo cáo trễ hạn: ${of(counts.late)}${unitList(report.lateUnits, lateNote)};`,
    `- Chưa gửi báo cáo: ${of(counts.missing)}${unitList(report.missingUnits, missingNote)};`,
    ...(counts.waived > 0 ? [`- Được miễn báo cáo: ${of(counts.waived)};`] : []),
    ...(counts.notYetDue > 0 ? [`- Chưa đến hạn báo cáo (đã gia hạn): ${of(counts.notYetDue)};`] : []),
    ...(counts.onTimeRate === undefined
      ? []
      : [
          `- Tỷ lệ gửi báo cáo đúng hạn: ${formatRate(counts.onTimeRate)} (không tính đơn vị được miễn, chưa đến hạn).`,
        ]),
    ...report.comparisons.map(
      (comparison) =>
        `- ${comparison.basis === 'previous-period' ? 'Kỳ báo cáo trước' : `Cùng kỳ năm ${comparison.against.year}`} ` +
        `(${subjectInSentence(reportSubject(comparison.against.obligationTitle, comparison.against.year))}): ` +
        `${comparison.counts.onTime}/${comparison.counts.total} đơn vị gửi báo cáo đúng hạn` +
        `${comparison.counts.onTimeRate === undefined ? '' : ` (${formatRate(comparison.counts.onTimeRate)})`}.`,
    ),
    ...(report.final
      ? []
      : [
          'Số liệu tại báo cáo này chưa gồm các cơ quan, đơn vị, địa phương chưa gửi báo cáo; ' +
            'Phòng sẽ tổng hợp bổ sung khi nhận đủ báo cáo.',
        ]),
  ];
  return lines.map((line) => bodyParagraph([line]));
}

function unitList(lines: readonly ReportUnitLine[], note: (line: ReportUnitLine) => string): string {
  return lines.length === 0 ? '' : `, gồm: ${lines.map((line) => `${line.unit.name} (${note(line)})`).join('; ')}`;
}

function lateNote(line: ReportUnitLine): string {
  const days = line.workingDaysLate === undefined ? 'trễ hạn' : `trễ ${line.workingDaysLate} ngày làm việc`;
  return line.submittedAt ? `${days}, gửi ngày ${instantDate(line.submittedAt)}` : days;
}

function missingNote(line: ReportUnitLine): string {
  return line.workingDaysLate === undefined ? 'quá hạn' : `quá hạn ${line.workingDaysLate} ngày làm việc`;
}

/** An ISO instant's plan day as `dd/MM/yyyy`. */
export function instantDate(instant: string): string {
  const epochMs = parsePlanDateTime(instant);
  return epochMs === undefined ? instant : formatVietnameseDate(planDayOf(epochMs));
}
