/** Numbers as Vietnamese documents write them: "1.234", "85,5". */
const INTEGER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const ONE_DECIMAL = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatCount(value: number): string {
  return INTEGER.format(value);
}

/** A percent field's value or mean: "85,5%". */
export function formatPercent(value: number): string {
  return `${ONE_DECIMAL.format(value)}%`;
}

/** A 0..1 rate as a percent: 0.8 → "80,0%". */
export function formatRate(rate: number): string {
  return formatPercent(rate * 100);
}

/** An indicator's value by its kind: sums as counts, averages as percents. */
export function formatIndicatorValue(kind: 'sum' | 'average', value: number): string {
  return kind === 'average' ? formatPercent(value) : formatCount(value);
}

/** A change with its sign: "+3", "-2", "0"; averages in percentage points with one decimal. */
export function formatChange(kind: 'sum' | 'average', change: number): string {
  const magnitude = kind === 'average' ? ONE_DECIMAL.format(Math.abs(change)) : INTEGER.format(Math.abs(change));
  if (change > 0) return `+${magnitude}`;
  if (change < 0) return `-${magnitude}`;
  return magnitude;
}
