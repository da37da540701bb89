import { Table, TableBorders, TableCell, TableLayoutType, TableRow, WidthType, type Paragraph } from 'docx';
import { PORTRAIT_TEXT_WIDTH } from './page-setup';

/**
 * Two blocks side by side across the text width, as Phụ lục I places them (the header's issuing body and national
 * title; Nơi nhận and the signature): a borderless, fixed two-column table, `leftWidth` twips for the left block.
 */
export function sideBySide(
  leftWidth: number,
  left: Paragraph[],
  right: Paragraph[],
  options: { cantSplit?: boolean } = {},
): Table {
  const rightWidth = PORTRAIT_TEXT_WIDTH - leftWidth;
  return new Table({
    width: { size: PORTRAIT_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { left: 0, right: 0, top: 0, bottom: 0, marginUnitType: WidthType.DXA },
    rows: [
      new TableRow({
        ...(options.cantSplit && { cantSplit: true }),
        children: [
          new TableCell({ width: { size: leftWidth, type: WidthType.DXA }, children: left }),
          new TableCell({ width: { size: rightWidth, type: WidthType.DXA }, children: right }),
        ],
      }),
    ],
  });
}
