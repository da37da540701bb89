import { TextRun, type Table } from 'docx';
import type { ReportUnitLine, ReportUnitStatus } from '../../domain/report/consolidated-report';
import type { NumericIndicator } from './indicator-tables';
import { formatCount, formatPercent } from './number-format';
import { SIZE } from './page-setup';
import { bodyRow, headerCell, headerRow, ruledTable, textCell } from './table-cells';

/** Why a unit's row is empty, said after its name. */
const STATUS_NOTES: Partial<Record<ReportUnitStatus, string>> = {
  missing: 'chưa gửi báo cáo',
  waived: 'được miễn',
  'not-yet-due': 'chưa đến hạn',
};

const NUMBER_WIDTH = 600;
const UNIT_WIDTH = 3000;

/**
 * Each unit's numbers, one row per unit in the plan's order, closed by the "Tổng cộng" row: the indicator's total for a
 * sum, the mean of the units that gave a value for a percent (so the row equals section II.1's table).
 */
export function unitValuesTable(
  units: readonly ReportUnitLine[],
  indicators: readonly NumericIndicator[],
  textWidth: number,
): Table {
  const valueWidth = Math.floor((textWidth - NUMBER_WIDTH - UNIT_WIDTH) / Math.max(1, indicators.length));
  const small = { size: SIZE.pt11 };
  return ruledTable(
    [NUMBER_WIDTH, UNIT_WIDTH, ...indicators.map(() => valueWidth)],
    [
      headerRow([
        headerCell('STT', small),
        headerCell('Cơ quan, đơn vị, địa phương', small),
        ...indicators.map((indicator) => headerCell(indicator.field.label, { size: SIZE.pt10 })),
      ]),
      ...units.map((line, index) =>
        bodyRow([
          textCell(String(index + 1), { align: 'center', ...small }),
          textCell(line.unit.name, { ...small, runs: statusNote(line) }),
          ...indicators.map((indicator) => textCell(unitValue(line, indicator), { align: 'center', ...small })),
        ]),
      ),
      bodyRow([
        textCell('', small),
        textCell('Tổng cộng', { bold: true, ...small }),
        ...indicators.map((indicator) => textCell(totalValue(indicator), { align: 'center', bold: true, ...small })),
      ]),
    ],
  );
}

function statusNote(line: ReportUnitLine): TextRun[] {
  const note = STATUS_NOTES[line.status];
  return note ? [new TextRun({ text: ` (${note})`, italics: true, size: SIZE.pt11 })] : [];
}

function unitValue(line: ReportUnitLine, indicator: NumericIndicator): string {
  const value = line.values?.[indicator.field.key];
  if (typeof value !== 'number') return '';
  return indicator.kind === 'average' ? formatPercent(value) : formatCount(value);
}

/** The total row's cell: the sum, or the mean with a "BQ" mark so that it is not read as a sum. */
export function totalValue(indicator: NumericIndicator): string {
  if (indicator.kind === 'sum') return formatCount(indicator.total);
  return indicator.average === undefined ? '' : `BQ ${formatPercent(indicator.average)}`;
}
