import {
  AlignmentType,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ConsolidatedReport } from '../../domain/report/consolidated-report';
import { leadershipBody, officeCode, upperVietnamese } from './document-names';
import { PORTRAIT_TEXT_WIDTH, SIZE } from './page-setup';
import { centredParagraph, placeholderRun } from './paragraphs';

export const RECIPIENTS_TITLE = 'Nơi nhận:';

const LEFT_WIDTH = 4200;
const RIGHT_WIDTH = PORTRAIT_TEXT_WIDTH - LEFT_WIDTH;

/** Words a role starts with: a plan's "Trưởng phòng Nội vụ" is a placeholder for a person, not a name to print. */
const ROLE_WORDS = /^(trưởng|phó|chủ tịch|giám đốc|chánh|chuyên viên|cán bộ|công chức|thủ trưởng|người đứng đầu)\b/iu;

/** Whether the plan's head "name" is really a role (the Ia Pa plan's heads are role placeholders). */
export function looksLikeRole(name: string, title: string): boolean {
  const text = name.normalize('NFC').trim();
  return (
    ROLE_WORDS.test(text) || text.toLocaleLowerCase('vi').startsWith(title.normalize('NFC').toLocaleLowerCase('vi'))
  );
}

/** Nơi nhận (box 9b) on the left, at the height of the signing title and name (boxes 7a, 7b) on the right. */
export function signatureBlock(report: ConsolidatedReport): Table {
  return new Table({
    width: { size: PORTRAIT_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT_WIDTH, RIGHT_WIDTH],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { left: 0, right: 0, top: 0, bottom: 0, marginUnitType: WidthType.DXA },
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({ width: { size: LEFT_WIDTH, type: WidthType.DXA }, children: recipients(report) }),
          new TableCell({ width: { size: RIGHT_WIDTH, type: WidthType.DXA }, children: signer(report) }),
        ],
      }),
    ],
  });
}

function recipients(report: ConsolidatedReport): Paragraph[] {
  const items = [
    '- Như trên;',
    ...(report.leadership.length > 0 ? [`- Lãnh đạo ${leadershipBody(report.plan.issuer, report.plan.place)};`] : []),
    `- Lưu: VT, ${officeCode(report.supervisor.name)}.`,
  ];
  return [
    new Paragraph({
      children: [new TextRun({ text: RECIPIENTS_TITLE, size: SIZE.pt12, bold: true, italics: true })],
    }),
    ...items.map(
      (item) =>
        new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: item, size: SIZE.pt11 })] }),
    ),
  ];
}

function signer(report: ConsolidatedReport): Paragraph[] {
  const head = report.supervisor.head;
  const bold = { size: SIZE.pt14, bold: true };
  const title = head
    ? new TextRun({ text: upperVietnamese(head.title), ...bold })
    : placeholderRun('CHỨC VỤ NGƯỜI KÝ', bold);
  const name =
    head && !looksLikeRole(head.name, head.title)
      ? new TextRun({ text: head.name, ...bold })
      : placeholderRun('Họ và tên người ký', bold);
  return [
    centredParagraph([title], 0),
    ...Array.from({ length: 4 }, () => new Paragraph({ children: [new TextRun({ text: '', size: SIZE.pt14 })] })),
    centredParagraph([name]),
  ];
}
