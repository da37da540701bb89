import type { ObligationStateName } from '../../domain/cycle/unit-status';
import { CHART_STATE_LABELS } from '../cycles/cycle-charts';
import type { Swatch } from './svg';

/**
 * One look per state, shared by the charts: each colour has at least 4.5:1 contrast on white, and each state has its
 * own pattern (solid, stripes, cross-hatch, dots, outline), so the bars also read in grey or for colour-blind eyes.
 */
export const STATE_SWATCHES: Record<ObligationStateName, Swatch> = {
  'submitted-on-time': {
    key: 'on-time',
    label: CHART_STATE_LABELS['submitted-on-time'],
    colour: '#15803d',
    pattern: 'solid',
  },
  'submitted-late': { key: 'late', label: CHART_STATE_LABELS['submitted-late'], colour: '#b45309', pattern: 'stripes' },
  overdue: { key: 'overdue', label: CHART_STATE_LABELS.overdue, colour: '#b91c1c', pattern: 'cross' },
  waived: { key: 'waived', label: CHART_STATE_LABELS.waived, colour: '#4b5563', pattern: 'dots' },
  pending: { key: 'pending', label: CHART_STATE_LABELS.pending, colour: '#1d4ed8', pattern: 'outline' },
};

/** The ink of a number drawn inside a shape painted with `swatch`. */
export function inkOn(swatch: Swatch): string {
  return swatch.pattern === 'outline' ? swatch.colour : '#ffffff';
}
