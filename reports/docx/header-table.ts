import { Table, TableBorders, TableCell, TableLayoutType, TableRow, TextRun, WidthType, type Paragraph } from 'docx';
import type { ConsolidatedReport } from '../../domain/report/consolidated-report';
import { issuingBodyLine, officeCode, parentBodyLine } from './document-names';
import { PORTRAIT_TEXT_WIDTH, SIZE } from './page-setup';
import { centredParagraph, estimatedTextWidth, ruleParagraph } from './paragraphs';
import { placeAndDate } from './place-and-date';

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
  return new Table({
    width: { size: PORTRAIT_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT_WIDTH, RIGHT_WIDTH],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { left: 0, right: 0, top: 0, bottom: 0, marginUnitType: WidthType.DXA },
    rows: [
      new TableRow({
        children: [headerCell(LEFT_WIDTH, issuerColumn(report)), headerCell(RIGHT_WIDTH, nationalTitleColumn(report))],
      }),
    ],
  });
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

function headerCell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, children });
}
