import type { Indicator, IndicatorChange } from './consolidated-report';
import { numericValueOf } from './indicators';

/** The numeric indicators of `current` that `previous` has too (same field key), with the change between them. */
export function changesBetween(current: readonly Indicator[], previous: readonly Indicator[]): IndicatorChange[] {
  return current.flatMap((indicator) => {
    if (indicator.kind !== 'sum' && indicator.kind !== 'average') return [];
    const before = previous.find((p) => p.field.key === indicator.field.key && p.kind === indicator.kind);
    if (!before) return [];
    const now = numericValueOf(indicator);
    const then = numericValueOf(before);
    return [
      {
        key: indicator.field.key,
        label: indicator.field.label,
        kind: indicator.kind,
        ...(now !== undefined && { current: now }),
        ...(then !== undefined && { previous: then }),
        ...(now !== undefined && then !== undefined && { change: Math.round((now - then) * 1e9) / 1e9 }),
      },
    ];
  });
}
