import { changesBetween } from './compare-reports';
import type { ConsolidatedReport, ReportComparison, ReportField, ReportUnitLine } from './consolidated-report';
import { indicatorsOf } from './indicators';
import { countsOf } from './report-counts';

/** Another report's lines to compare against (the previous period of this cycle, or last year's). */
export interface ComparisonSource {
  basis: ReportComparison['basis'];
  against: ReportComparison['against'];
  fields: readonly ReportField[];
  lines: readonly ReportUnitLine[];
}

export type ConsolidationInput = Omit<
  ConsolidatedReport,
  'counts' | 'lateUnits' | 'missingUnits' | 'indicators' | 'comparisons' | 'units'
> & {
  units: readonly ReportUnitLine[];
  comparisons?: readonly ComparisonSource[];
};

/** The consolidated report of one obligation from its units' lines: pure, so every format shows the same numbers. */
export function consolidateReport(input: ConsolidationInput): ConsolidatedReport {
  const { comparisons = [], units, ...rest } = input;
  const indicators = indicatorsOf(input.fields, units);
  const byLateness = (a: ReportUnitLine, b: ReportUnitLine): number =>
    (b.workingDaysLate ?? 0) - (a.workingDaysLate ?? 0);
  return {
    ...rest,
    units: [...units],
    counts: countsOf(units),
    lateUnits: units.filter((l) => l.status === 'late').sort(byLateness),
    missingUnits: units.filter((l) => l.status === 'missing').sort(byLateness),
    indicators,
    comparisons: comparisons.map((source) => ({
      basis: source.basis,
      against: source.against,
      counts: countsOf(source.lines),
      changes: changesBetween(indicators, indicatorsOf(source.fields, source.lines)),
    })),
  };
}
