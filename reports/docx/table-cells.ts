import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  TableCell,
  TableLayoutType,
  TableRow,
  Table,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import { STYLE } from './page-setup';

/** The ruled tables of the report body: fixed column widths, thin black borders, 12 pt text unless told. */

export type CellAlignment = 'left' | 'center' | 'right';

export interface CellOptions {
  align?: CellAlignment;
  bold?: boolean;
  italics?: boolean;
  /** Half-points; the table style's 12 pt otherwise. */
  size?: number;
  columnSpan?: number;
  rowSpan?: number;
  /** Extra runs after the text, such as a placeholder. */
  runs?: readonly TextRun[];
}

const ALIGNMENTS = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

export function textCell(text: string, options: CellOptions = {}): TableCell {
  const run: IRunOptions = {
    text,
    ...(options.bold ? { bold: true } : {}),
    ...(options.italics ? { italics: true } : {}),
    ...(options.size ? { size: options.size } : {}),
  };
  return new TableCell({
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 80, right: 80 },
    ...(options.columnSpan ? { columnSpan: options.columnSpan } : {}),
    ...(options.rowSpan ? { rowSpan: options.rowSpan } : {}),
    children: [
      new Paragraph({
        style: STYLE.table,
        alignment: ALIGNMENTS[options.align ?? 'left'],
        children: [new TextRun(run), ...(options.runs ?? [])],
      }),
    ],
  });
}

export function headerCell(text: string, options: CellOptions = {}): TableCell {
  return textCell(text, { align: 'center', bold: true, ...options });
}

export function ruledTable(columnWidths: readonly number[], rows: readonly TableRow[]): Table {
  return new Table({
    width: { size: columnWidths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    columnWidths: [...columnWidths],
    layout: TableLayoutType.FIXED,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
    rows: [...rows],
  });
}

/** A table followed by a 6 pt gap: the paragraph after a table otherwise touches its bottom border. */
export function withSpaceAfter(table: Table): [Table, Paragraph] {
  return [
    table,
    new Paragraph({ spacing: { before: 0, after: 0, line: 120, lineRule: LineRuleType.EXACT }, children: [] }),
  ];
}

/** A header row repeated on each page the table runs onto. */
export function headerRow(cells: readonly TableCell[]): TableRow {
  return new TableRow({ tableHeader: true, cantSplit: true, children: [...cells] });
}

export function bodyRow(cells: readonly TableCell[]): TableRow {
  return new TableRow({ cantSplit: true, children: [...cells] });
}
