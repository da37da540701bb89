import { TextRun, type Paragraph, type Table } from 'docx';
import type { ConsolidatedReport } from '../../domain/report/consolidated-report';
import { issuingBodyLine, officeCode, parentBodyLine } from './document-names';
import { PORTRAIT_TEXT_WIDTH, SIZE } from './page-setup';
import { centredParagraph, estimatedTextWidth, ruleParagraph } from './paragraphs';
import { placeAndDate } from './place-and-date';
import { sideBySide } from './side-by-side';

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** The two columns of page 1's header (boxes 1 to 4 of Phụ lục I): the issuing body left, the national title right. */
const LEFT_WIDTH = 3685;
const RIGHT_WIDTH = PORTRAIT_TEXT_WIDTH - LEFT_WIDTH;

/** The number is left for the văn thư to fill in when the report is registered: "Số:      /BC-PNV". */
export function documentNumberLine(supervisorName: string): string {
  return `Số:       /BC-${officeCode(supervisorName)}`;
}

export function headerTable(report: ConsolidatedReport): Table {
  return sideBySide(LEFT_WIDTH, issuerColumn(report), nationalTitleColumn(report));
}

function issuerColumn(report: ConsolidatedReport): Paragraph[] {
  const issuingBody = issuingBodyLine(report.supervisor.name);
  const issuingBodyWidth = estimatedTextWidth(issuingBody, SIZE.pt13, true);
  return [
    centredParagraph([new TextRun({ text: parentBodyLine(report.plan.issuer), size: SIZE.pt13 })]),
    centredParagraph([new TextRun({ text: issuingBody, size: SIZE.pt13, bold: true })]),
    ruleParagraph(Math.min(LEFT_WIDTH, Math.max(850, Math.round(issuingBodyWidth * 0.45))), LEFT_WIDTH),
    centredParagraph([new TextRun({ text: documentNumberLine(report.supervisor.name), size: SIZE.pt13 })]),
  ];
}

function nationalTitleColumn(report: ConsolidatedReport): Paragraph[] {
  return [
    centredParagraph([new TextRun({ text: NATIONAL_TITLE, size: SIZE.pt12, bold: true })]),
    centredParagraph([new TextRun({ text: MOTTO, size: SIZE.pt14, bold: true })]),
    ruleParagraph(estimatedTextWidth(MOTTO, SIZE.pt14, true), RIGHT_WIDTH),
    centredParagraph([
      new TextRun({ text: placeAndDate(report.plan.place, report.at), size: SIZE.pt14, italics: true }),
    ]),
  ];
}
