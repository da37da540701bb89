/** One row of the bench table: a figure, and when it has one, the baseline of the same run it is compared with. */
export interface BenchResult {
  /** Which bench made it (`--only` takes these names). */
  bench: string;
  measurement: string;
  figure: number;
  unit: string;
  baseline?: { figure: number; what: string };
  /** figure ÷ baseline for rates, baseline ÷ figure for times: above 1 is better than the baseline. */
  ratio?: number;
  /** The aim: a least ratio, or a most figure (in `unit`). */
  aim?: { ratioAtLeast: number } | { atMost: number };
  note?: string;
}

export function meetsAim(result: BenchResult): boolean | undefined {
  if (!result.aim) return undefined;
  if ('ratioAtLeast' in result.aim) return (result.ratio ?? 0) >= result.aim.ratioAtLeast;
  return result.figure <= result.aim.atMost;
}

/** Where every bench puts its rows; index.ts prints them as one table and writes them to results.json. */
export class ResultCollector {
  readonly rows: BenchResult[] = [];
  /** Figures one bench leaves for a later one (the start rate sizes the lead time of the due-moment runs). */
  readonly shared = new Map<string, number>();

  add(result: BenchResult): void {
    this.rows.push(result);
    console.error(`  ✔ ${result.measurement}: ${formatFigure(result.figure, result.unit)}`);
  }
}

export function formatFigure(figure: number, unit: string): string {
  const digits = Math.abs(figure) >= 100 ? 0 : Math.abs(figure) >= 10 ? 1 : 2;
  return `${figure.toFixed(digits)} ${unit}`;
}

export function formatAim(result: BenchResult): string {
  if (!result.aim) return '';
  return 'ratioAtLeast' in result.aim
    ? `≥ ${result.aim.ratioAtLeast}`
    : `≤ ${formatFigure(result.aim.atMost, result.unit)}`;
}

/** Percentile of sorted numbers (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
