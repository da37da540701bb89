import {
  AlignmentType,
  Header,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type ISectionPropertiesOptions,
  type IStylesOptions,
} from 'docx';

/** Page setup and type sizes of Nghị định 30/2020 Phụ lục I (reference §4.1), in DOCX units. */

export const FONT = 'Times New Roman';

/** Half-points, as `w:sz` counts them. */
export const SIZE = { pt10: 20, pt11: 22, pt12: 24, pt13: 26, pt14: 28 } as const;

/** Twips (1/1440 inch): A4 portrait, margins top and bottom 20 mm, left 30 mm, right 15 mm. */
export const A4 = { width: 11906, height: 16838 } as const;
export const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 850, header: 567, footer: 567 } as const;
export const PORTRAIT_TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
export const LANDSCAPE_TEXT_WIDTH = A4.height - MARGIN.left - MARGIN.right;

/** 1 cm first-line indent; 6 pt after each paragraph. */
export const FIRST_LINE_INDENT = 567;
export const SPACE_AFTER = 120;

export const STYLE = { body: 'BaoCaoBody', heading: 'BaoCaoHeading', table: 'BaoCaoTable' } as const;

/** Body text 14 pt, justified, 1 cm indent, 6 pt after, line spacing 1.15 (single to 1.5 allowed). */
export function reportStyles(): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: FONT, size: SIZE.pt14, color: '000000', language: { value: 'vi-VN' } },
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      },
    },
    paragraphStyles: [
      {
        id: STYLE.body,
        name: 'Báo cáo: nội dung',
        quickFormat: true,
        paragraph: {
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: FIRST_LINE_INDENT },
          spacing: { after: SPACE_AFTER, line: 276, lineRule: LineRuleType.AUTO },
        },
      },
      {
        id: STYLE.heading,
        name: 'Báo cáo: đề mục',
        basedOn: STYLE.body,
        quickFormat: true,
        paragraph: { keepNext: true, spacing: { before: SPACE_AFTER, after: SPACE_AFTER } },
        run: { bold: true },
      },
      {
        id: STYLE.table,
        name: 'Báo cáo: bảng',
        quickFormat: true,
        paragraph: { spacing: { before: 40, after: 40 } },
        run: { size: SIZE.pt12 },
      },
    ],
  };
}

/** Page 1 carries no number; the others carry theirs centred in the top margin (titlePage + a blank first header). */
export function numberedPages(orientation: 'portrait' | 'landscape', restartNumbering: boolean) {
  const properties: ISectionPropertiesOptions = {
    titlePage: true,
    page: {
      size: {
        ...A4,
        orientation: orientation === 'portrait' ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE,
      },
      margin: MARGIN,
      ...(restartNumbering ? { pageNumbers: { start: 1 } } : {}),
    },
  };
  const headers = {
    default: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: [PageNumber.CURRENT], size: SIZE.pt14 })],
        }),
      ],
    }),
    first: new Header({ children: [new Paragraph({})] }),
  };
  return { properties, headers };
}
