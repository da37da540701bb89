import { performance } from 'node:perf_hooks';

export interface Measurement {
  name: string;
  /** Median wall time of one run, in ms. */
  medianMs: number;
  runs: number;
  note?: string;
}

/** Runs `fn` once to warm up, then `runs` times; reports the median (robust against a busy second core). */
export function measure(name: string, runs: number, fn: () => unknown, note?: string): Measurement {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, medianMs: times[Math.floor(times.length / 2)] ?? 0, runs, note };
}

export function printTable(title: string, rows: readonly Measurement[], baseline: Measurement): void {
  const lines = rows.map((row) => [
    row.name,
    row.medianMs.toFixed(1),
    String(row.runs),
    row === baseline ? 'baseline' : ratio(baseline.medianMs, row.medianMs),
    row.note ?? '',
  ]);
  printColumns(title, ['case', 'median ms', 'runs', 'vs baseline', 'note'], lines);
}

/** A titled table of left-aligned columns, as every benchmark prints it. */
export function printColumns(title: string, headers: readonly string[], lines: readonly (readonly string[])[]): void {
  const widths = headers.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  console.log(`\n${title}\n${fmt(headers)}\n${fmt(widths.map((w) => '-'.repeat(w)))}`);
  for (const line of lines) console.log(fmt(line));
}

function ratio(baselineMs: number, ms: number): string {
  return ms <= baselineMs ? `${(baselineMs / ms).toFixed(1)}× faster` : `${(ms / baselineMs).toFixed(1)}× slower`;
}
