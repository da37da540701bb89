import type { ReportField } from './consolidated-report';

export interface ReportedObligation {
  id: string;
  /** This cycle's nominal due date, `YYYY-MM-DD`. */
  nominalDueDate: string;
  fields: readonly ReportField[];
}

/**
 * The report of the period before `obligationId` in the same cycle: the reported obligation due last before it that
 * shares at least one field with it (the yearly report against the 6-month one). Undefined for the first period.
 */
export function previousPeriodOf(
  obligations: readonly ReportedObligation[],
  obligationId: string,
): ReportedObligation | undefined {
  const current = obligations.find((o) => o.id === obligationId);
  if (!current) return undefined;
  const keys = new Set(current.fields.map((f) => f.key));
  return obligations
    .filter((o) => o.id !== obligationId && o.nominalDueDate < current.nominalDueDate)
    .filter((o) => o.fields.some((f) => keys.has(f.key)))
    .sort((a, b) => (a.nominalDueDate < b.nominalDueDate ? -1 : a.nominalDueDate > b.nominalDueDate ? 1 : 0))
    .at(-1);
}
