import type { FormValue } from '../forms/validate-form-values';
import type { Indicator, ReportField, ReportUnitLine } from './consolidated-report';

/**
 * One indicator per form field over the units' latest values: counts and numbers summed, percentages averaged over
 * the units that gave them (a unit that gave nothing, or never reported, is not a zero), yes/no counted, texts
 * gathered per unit.
 */
export function indicatorsOf(fields: readonly ReportField[], lines: readonly ReportUnitLine[]): Indicator[] {
  return fields.map((field) => {
    const given = lines.flatMap((line) => {
      const value = line.values?.[field.key];
      return value === undefined || value === '' ? [] : [{ line, value }];
    });
    switch (field.type) {
      case 'integer':
      case 'number': {
        const numbers = given.map((g) => numberOf(g.value)).filter((n): n is number => n !== undefined);
        return { kind: 'sum', field, total: roundSum(numbers), reported: numbers.length };
      }
      case 'percent': {
        const numbers = given.map((g) => numberOf(g.value)).filter((n): n is number => n !== undefined);
        return numbers.length > 0
          ? { kind: 'average', field, average: roundSum(numbers) / numbers.length, reported: numbers.length }
          : { kind: 'average', field, reported: 0 };
      }
      case 'boolean':
        return {
          kind: 'yes-no',
          field,
          yes: given.filter((g) => g.value === true).length,
          no: given.filter((g) => g.value === false).length,
        };
      default:
        return {
          kind: 'text',
          field,
          answers: given
            .map((g) => ({ unit: { id: g.line.unit.id, name: g.line.unit.name }, text: String(g.value).trim() }))
            .filter((a) => a.text !== ''),
        };
    }
  });
}

/** The indicator's one number (a sum or a mean), for comparisons; undefined for yes/no and text, or no data. */
export function numericValueOf(indicator: Indicator): number | undefined {
  if (indicator.kind === 'sum') return indicator.reported > 0 ? indicator.total : undefined;
  if (indicator.kind === 'average') return indicator.average;
  return undefined;
}

function numberOf(value: FormValue): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** Sums decimals without binary noise (0.1 + 0.2 is 0.3 in a report). */
function roundSum(numbers: readonly number[]): number {
  const total = numbers.reduce((a, b) => a + b, 0);
  return Math.round(total * 1e9) / 1e9;
}
