import type { Table } from 'docx';
import type {
  AverageIndicator,
  Indicator,
  IndicatorChange,
  ReportComparison,
  ReportField,
  SumIndicator,
  YesNoIndicator,
} from '../../domain/report/consolidated-report';
import { formatChange, formatCount, formatIndicatorValue, formatPercent } from './number-format';
import { PORTRAIT_TEXT_WIDTH } from './page-setup';
import { bodyRow, headerCell, headerRow, ruledTable, textCell } from './table-cells';

export type NumericIndicator = SumIndicator | AverageIndicator;
export type TabledIndicator = NumericIndicator | YesNoIndicator;

export function tabledIndicators(indicators: readonly Indicator[]): TabledIndicator[] {
  return indicators.filter((indicator): indicator is TabledIndicator => indicator.kind !== 'text');
}

export function numericIndicators(indicators: readonly Indicator[]): NumericIndicator[] {
  return indicators.filter(
    (indicator): indicator is NumericIndicator => indicator.kind === 'sum' || indicator.kind === 'average',
  );
}

const NUMBER_WIDTH = 680;
const SUMMARY_WIDTHS = [NUMBER_WIDTH, 4300, 1500, PORTRAIT_TEXT_WIDTH - NUMBER_WIDTH - 4300 - 1500];

/** Section II.1: every number and yes/no indicator, with how many units it stands on. */
export function summaryTable(indicators: readonly TabledIndicator[]): Table {
  return ruledTable(SUMMARY_WIDTHS, [
    headerRow([headerCell('STT'), headerCell('Chỉ tiêu'), headerCell('Kết quả'), headerCell('Ghi chú')]),
    ...indicators.map((indicator, index) =>
      bodyRow([
        textCell(String(index + 1), { align: 'center' }),
        textCell(indicator.field.label),
        textCell(summaryValue(indicator), { align: 'center' }),
        textCell(summaryNote(indicator), { italics: true }),
      ]),
    ),
  ]);
}

function summaryValue(indicator: TabledIndicator): string {
  switch (indicator.kind) {
    case 'sum':
      return formatCount(indicator.total);
    case 'average':
      return indicator.average === undefined ? '-' : formatPercent(indicator.average);
    case 'yes-no':
      return `Có: ${formatCount(indicator.yes)}; Không: ${formatCount(indicator.no)}`;
  }
}

function summaryNote(indicator: TabledIndicator): string {
  switch (indicator.kind) {
    case 'sum':
      return `Tổng của ${indicator.reported} đơn vị báo cáo`;
    case 'average':
      return indicator.reported === 0
        ? 'Không đơn vị nào có số liệu'
        : `Bình quân của ${indicator.reported} đơn vị có số liệu`;
    case 'yes-no':
      return `${indicator.yes + indicator.no} đơn vị trả lời`;
  }
}

/** "Kỳ trước", "Cùng kỳ năm 2021": a comparison's column heading. */
export function comparisonHeading(comparison: ReportComparison): string {
  return comparison.basis === 'previous-period' ? 'Kỳ trước' : `Cùng kỳ năm ${comparison.against.year}`;
}

/**
 * Section II.2: this report's numeric indicators against each comparison's, value then change. A row per indicator
 * of this report that any comparison shares; a cell is "-" where one side has no value.
 */
export function comparisonTable(comparisons: readonly ReportComparison[], fields: readonly ReportField[]): Table {
  const rows = comparedIndicators(comparisons, fields);
  const pairWidth = 1150;
  const labelWidth = PORTRAIT_TEXT_WIDTH - NUMBER_WIDTH - 1200 - pairWidth * 2 * comparisons.length;
  const widths = [NUMBER_WIDTH, labelWidth, 1200, ...comparisons.flatMap(() => [pairWidth, pairWidth])];
  return ruledTable(widths, [
    headerRow([
      headerCell('STT', { rowSpan: 2 }),
      headerCell('Chỉ tiêu', { rowSpan: 2 }),
      headerCell('Kỳ này', { rowSpan: 2 }),
      ...comparisons.map((comparison) => headerCell(comparisonHeading(comparison), { columnSpan: 2 })),
    ]),
    headerRow(comparisons.flatMap(() => [headerCell('Số liệu'), headerCell('Tăng (+), giảm (-)')])),
    ...rows.map(({ key, label, kind, current }, index) =>
      bodyRow([
        textCell(String(index + 1), { align: 'center' }),
        textCell(label),
        textCell(current === undefined ? '-' : formatIndicatorValue(kind, current), { align: 'center' }),
        ...comparisons.flatMap((comparison) => {
          const change = comparison.changes.find((candidate) => candidate.key === key);
          return [
            textCell(change?.previous === undefined ? '-' : formatIndicatorValue(kind, change.previous), {
              align: 'center',
            }),
            textCell(change?.change === undefined ? '-' : formatChange(kind, change.change), { align: 'center' }),
          ];
        }),
      ]),
    ),
  ]);
}

/** The indicators any comparison shares, each once, in this report's form order. */
function comparedIndicators(
  comparisons: readonly ReportComparison[],
  fields: readonly ReportField[],
): IndicatorChange[] {
  const seen = new Map<string, IndicatorChange>();
  for (const comparison of comparisons) {
    for (const change of comparison.changes) if (!seen.has(change.key)) seen.set(change.key, change);
  }
  const order = (key: string) => {
    const index = fields.findIndex((field) => field.key === key);
    return index < 0 ? fields.length : index;
  };
  return [...seen.values()].sort((a, b) => order(a.key) - order(b.key));
}
