import { TextRun, type Paragraph, type Table } from 'docx';
import { vnDate } from '../../domain/plan-time';
import type { ConsolidatedReport, TextIndicator } from '../../domain/report/consolidated-report';
import { officeName } from './document-names';
import {
  comparisonHeading,
  comparisonTable,
  numericIndicators,
  summaryTable,
  tabledIndicators,
} from './indicator-tables';
import { PORTRAIT_TEXT_WIDTH } from './page-setup';
import { answerParagraphs, bodyParagraph, headingParagraph, placeholderParagraph, placeholderRun } from './paragraphs';
import { reportSubject, subjectInSentence } from './report-subject';
import { submissionFacts } from './submission-facts';
import { withSpaceAfter } from './table-cells';
import { textIndicatorsOf, type TextSection } from './text-sections';
import { unitValuesTable } from './unit-values-table';

export type BodyPart = Paragraph | Table;

/** Up to this many numbers a unit's row still fits a portrait page; more go to the landscape Phụ lục. */
export const MAX_NUMBERS_IN_BODY = 3;

export function unitValuesInAppendix(report: ConsolidatedReport): boolean {
  return numericIndicators(report.indicators).length > MAX_NUMBERS_IN_BODY;
}

/** The report's body (box 6): the opening, sections I to V and the closing sentence. */
export function bodySections(report: ConsolidatedReport): BodyPart[] {
  const office = officeName(report.supervisor.name);
  const asks = (what: string) => `${office} bổ sung: ${what}`;
  const texts = report.indicators.filter((indicator): indicator is TextIndicator => indicator.kind === 'text');
  const gathered = (section: TextSection) => gatheredAnswers(textIndicatorsOf(texts, section));
  return [
    opening(report, office),
    headingParagraph('I. ĐẶC ĐIỂM, TÌNH HÌNH CHUNG'),
    headingParagraph('1. Đặc điểm, tình hình'),
    placeholderParagraph(asks('đặc điểm, tình hình chung của địa phương trong kỳ báo cáo')),
    headingParagraph('2. Tình hình gửi báo cáo của các cơ quan, đơn vị, địa phương'),
    ...submissionFacts(report),
    headingParagraph('II. KẾT QUẢ THỰC HIỆN'),
    ...results(report, asks, gathered('results')),
    headingParagraph('III. HẠN CHẾ, NGUYÊN NHÂN'),
    placeholderParagraph(asks('hạn chế, nguyên nhân chung')),
    ...gathered('shortcomings'),
    headingParagraph('IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI'),
    placeholderParagraph(asks('phương hướng, nhiệm vụ thời gian tới')),
    ...gathered('directions'),
    headingParagraph('V. KIẾN NGHỊ, ĐỀ XUẤT'),
    placeholderParagraph(asks(`kiến nghị, đề xuất với ${report.plan.issuer}`)),
    ...gathered('proposals'),
    bodyParagraph([
      `Trên đây là báo cáo ${subjectInSentence(reportSubject(report.obligation.title, report.cycle.year))} ` +
        `của ${office}, kính báo cáo ${report.plan.issuer} xem xét, chỉ đạo./.`,
    ]),
  ];
}

function opening(report: ConsolidatedReport, office: string): Paragraph {
  const subject = subjectInSentence(reportSubject(report.obligation.title, report.cycle.year));
  const plan = report.plan.reference
    ? [report.plan.reference]
    : [report.plan.title, ' ', placeholderRun('số, ngày ban hành')];
  return bodyParagraph([
    'Thực hiện ',
    ...plan,
    `; trên cơ sở báo cáo của các cơ quan, đơn vị, địa phương, ${office} báo cáo ${subject} như sau:`,
  ]);
}

function results(report: ConsolidatedReport, asks: (what: string) => string, answers: BodyPart[]): BodyPart[] {
  const tabled = tabledIndicators(report.indicators);
  const numeric = numericIndicators(report.indicators);
  const reporting = report.units.filter((line) => line.values !== undefined).length;
  const parts: BodyPart[] = [];
  let clause = 0;
  const clauseHeading = (title: string) => headingParagraph(`${++clause}. ${title}`);
  if (tabled.length > 0) {
    parts.push(
      clauseHeading('Số liệu tổng hợp'),
      bodyParagraph([`Tổng hợp từ báo cáo của ${reporting} cơ quan, đơn vị, địa phương:`], true),
      ...withSpaceAfter(summaryTable(tabled)),
    );
  }
  if (report.comparisons.length > 0 && report.comparisons.some((comparison) => comparison.changes.length > 0)) {
    parts.push(
      clauseHeading(comparisonTitle(report.comparisons)),
      bodyParagraph(
        [
          report.comparisons
            .map(
              (comparison) =>
                `${comparisonHeading(comparison)}: ` +
                subjectInSentence(reportSubject(comparison.against.obligationTitle, comparison.against.year)),
            )
            .join('; ') + '.',
        ],
        true,
      ),
      ...withSpaceAfter(comparisonTable(report.comparisons, report.fields)),
    );
  }
  if (numeric.length > 0) {
    parts.push(clauseHeading('Số liệu của từng cơ quan, đơn vị, địa phương'));
    if (unitValuesInAppendix(report)) parts.push(bodyParagraph(['Chi tiết tại Phụ lục kèm theo Báo cáo này.']));
    else parts.push(...withSpaceAfter(unitValuesTable(report.units, numeric, PORTRAIT_TEXT_WIDTH)));
  }
  parts.push(clauseHeading('Kết quả đạt được'), placeholderParagraph(asks('đánh giá chung kết quả đạt được')));
  return [...parts, ...answers];
}

/** The units' written answers to the fields of one section, under each field's label when there are several. */
function gatheredAnswers(indicators: readonly TextIndicator[]): BodyPart[] {
  const withAnswers = indicators.filter((indicator) => indicator.answers.length > 0);
  if (withAnswers.length === 0) return [];
  const italic = (text: string) => bodyParagraph([new TextRun({ text, italics: true })]);
  return [
    italic('Tổng hợp từ báo cáo của các cơ quan, đơn vị, địa phương:'),
    ...withAnswers.flatMap((indicator) => [
      ...(withAnswers.length > 1 ? [italic(`${indicator.field.label}:`)] : []),
      ...indicator.answers.flatMap((answer) =>
        answerParagraphs(answer.unit.name, indicator.field.type === 'date' ? vnDate(answer.text) : answer.text),
      ),
    ]),
  ];
}

/** "So sánh với kỳ trước và cùng kỳ năm trước", as far as the comparisons go. */
function comparisonTitle(comparisons: ConsolidatedReport['comparisons']): string {
  const bases = new Set(comparisons.map((comparison) => comparison.basis));
  const names = [
    ...(bases.has('previous-period') ? ['kỳ trước'] : []),
    ...(bases.has('previous-year') ? ['cùng kỳ năm trước'] : []),
  ];
  return `So sánh với ${names.join(' và ')}`;
}
