import { AlignmentType, Paragraph, TextRun } from 'docx';
import type { ConsolidatedReport } from '../../domain/report/consolidated-report';
import type { BodyPart } from './body-sections';
import { officeName } from './document-names';
import { documentNumberLine } from './header-table';
import { numericIndicators, type NumericIndicator } from './indicator-tables';
import { LANDSCAPE_TEXT_WIDTH, SIZE } from './page-setup';
import { instantDate } from './submission-facts';
import { unitValuesTable } from './unit-values-table';

/** Landscape columns a table of unit numbers takes before it is split into another table. */
export const NUMBERS_PER_APPENDIX_TABLE = 7;

/**
 * The Phụ lục: every unit's numbers, on landscape pages (allowed for tables, reference §4.1), split into tables of a
 * few indicators each so that their headings stay readable; each table ends with the "Tổng cộng" row.
 */
export function appendix(report: ConsolidatedReport): BodyPart[] {
  const numeric = numericIndicators(report.indicators);
  const number = documentNumberLine(report.supervisor.name).replace(/^Số:/u, 'số');
  const title = (text: string, bold: boolean, italics = false) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text, size: SIZE.pt14, bold, italics })],
    });
  return [
    title('Phụ lục', true),
    title('SỐ LIỆU BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ, ĐỊA PHƯƠNG', true),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [
        new TextRun({
          text: `(Kèm theo Báo cáo ${number} ngày ${instantDate(report.at)} của ${officeName(report.supervisor.name)})`,
          size: SIZE.pt14,
          italics: true,
        }),
      ],
    }),
    ...chunks(numeric, NUMBERS_PER_APPENDIX_TABLE).flatMap((indicators, index) => [
      ...(index === 0 ? [] : [new Paragraph({ spacing: { before: 240 }, children: [] })]),
      unitValuesTable(report.units, indicators, LANDSCAPE_TEXT_WIDTH),
    ]),
  ];
}

function chunks(indicators: readonly NumericIndicator[], size: number): NumericIndicator[][] {
  const result: NumericIndicator[][] = [];
  for (let start = 0; start < indicators.length; start += size) result.push(indicators.slice(start, start + size));
  return result;
}
