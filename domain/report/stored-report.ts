import type { FormValues } from '../forms/validate-form-values';
import type { ReportField, ReportUnitLine, ReportUnitStatus } from './consolidated-report';

export interface StoredReport {
  obligationTitle: string;
  fields: ReportField[];
  lines: ReportUnitLine[];
}

const STATUSES: readonly ReportUnitStatus[] = ['on-time', 'late', 'missing', 'waived', 'not-yet-due'];

/**
 * A report's JSON file as stored by an earlier aggregation, read back for a comparison: a ConsolidatedReport, or the
 * older `{fields, rows}` files (their fields have no type: a key's type is taken from `typeOf`, the current form).
 * Undefined when the text is neither.
 */
export function parseStoredReport(
  text: string,
  typeOf: (key: string) => ReportField['type'] | undefined = () => undefined,
): StoredReport | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || !Array.isArray(parsed.fields)) return undefined;
  const rawLines = Array.isArray(parsed.units) ? parsed.units : Array.isArray(parsed.rows) ? parsed.rows : undefined;
  if (!rawLines) return undefined;
  const fields = parsed.fields.filter(isRecord).flatMap((f): ReportField[] => {
    const key = typeof f.key === 'string' ? f.key : undefined;
    const type = (typeof f.type === 'string' ? f.type : undefined) ?? (key && typeOf(key));
    return key && type
      ? [{ key, label: typeof f.label === 'string' ? f.label : key, type: type as ReportField['type'] }]
      : [];
  });
  const lines = rawLines.filter(isRecord).flatMap((row): ReportUnitLine[] => {
    const unit = isRecord(row.unit) ? row.unit : undefined;
    const status = STATUSES.find((s) => s === row.status);
    if (!unit || typeof unit.id !== 'string' || !status) return [];
    return [
      {
        unit: { id: unit.id, name: typeof unit.name === 'string' ? unit.name : unit.id },
        status,
        dueDate: typeof row.dueDate === 'string' ? row.dueDate : '',
        ...(isRecord(row.values) && { values: row.values as FormValues }),
      },
    ];
  });
  const obligation = isRecord(parsed.obligation) ? parsed.obligation : undefined;
  const obligationTitle =
    (typeof obligation?.title === 'string' && obligation.title) ||
    (typeof parsed.obligationId === 'string' ? parsed.obligationId : '');
  return { obligationTitle, fields, lines };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
