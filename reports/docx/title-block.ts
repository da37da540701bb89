import { AlignmentType, Paragraph, TextRun } from 'docx';
import type { ConsolidatedReport } from '../../domain/report/consolidated-report';
import { PORTRAIT_TEXT_WIDTH, SIZE, SPACE_AFTER } from './page-setup';
import { centredParagraph, ruleParagraph } from './paragraphs';
import { reportSubject } from './report-subject';

export const DOCUMENT_TYPE = 'BÁO CÁO';

/** Box 5a (the type and the subject, with a short rule under them) and box 9a (Kính gửi). */
export function titleBlock(report: ConsolidatedReport): Paragraph[] {
  const subject = reportSubject(report.obligation.title, report.cycle.year);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 360 },
      children: [new TextRun({ text: DOCUMENT_TYPE, size: SIZE.pt14, bold: true })],
    }),
    centredParagraph([new TextRun({ text: subject, size: SIZE.pt14, bold: true })]),
    ruleParagraph(Math.round(PORTRAIT_TEXT_WIDTH / 5), PORTRAIT_TEXT_WIDTH),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: SPACE_AFTER * 2 },
      children: [new TextRun({ text: `Kính gửi: ${report.plan.issuer}.`, size: SIZE.pt14 })],
    }),
  ];
}
