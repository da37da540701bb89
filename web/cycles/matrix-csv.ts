import { csvCell, type CsvValue } from '../../domain/csv';
import type { ObligationStateName } from '../../domain/cycle/unit-status';
import type { UnitKind } from '../../domain/plan/plan-schema';
import { STATE_LABELS } from '../views/labels';
import { matrixObligations, matrixRows, statusesInState, unitsOfKind, type MatrixRow } from './cycle-matrix';
import { READ_BATCH_UNITS, type CycleReader, type CycleView } from './cycle-reader';

/** Units read, then written, at once: the reader's batch, so the first lines go out after one batch. */
export const CSV_BATCH_UNITS = READ_BATCH_UNITS;

/**
 * The matrix as CSV for Excel (UTF-8 with a BOM, CRLF lines, as `csvDocument`): per obligation its due date, state
 * and first submission time; every matching unit, read `batchUnits` at a time so that 10,000 units neither outlast
 * a page's Temporal deadline nor wait for the last one before the first line goes out. The first batch is read
 * before anything is yielded, so a Temporal that does not answer is still an error page.
 */
export async function* matrixCsvChunks(
  reader: CycleReader,
  view: CycleView,
  filter: { kind?: UnitKind; state?: ObligationStateName },
  batchUnits = CSV_BATCH_UNITS,
): AsyncGenerator<string> {
  const ids = unitsOfKind(view, filter.kind);
  const obligations = matrixObligations(view);
  const header = ['Mã đơn vị', 'Đơn vị'];
  for (const o of obligations) header.push(`${o.title} — hạn`, `${o.title} — tình trạng`, `${o.title} — ngày nộp`);
  let pending = `\uFEFF${csvLine(header)}`;
  for (let start = 0; start < ids.length; start += batchUnits) {
    const batch = ids.slice(start, start + batchUnits);
    const statuses = filter.state
      ? await statusesInState(reader, view, batch, filter.state)
      : await reader.units(view, batch);
    const shown = filter.state
      ? batch.filter((id) => statuses.get(id)?.obligations.some((o) => o.state === filter.state))
      : batch;
    pending += matrixRows(view, shown, statuses).map(csvRow).join('');
    yield pending;
    pending = '';
  }
  if (pending) yield pending;
}

function csvRow(row: MatrixRow): string {
  const line = [row.unitId, row.name];
  for (const cell of row.cells) {
    if (!cell) line.push('', row.status ? 'Không áp dụng' : 'Không đọc được', '');
    else line.push(cell.dueDate, STATE_LABELS[cell.state], cell.submissions[0]?.submittedAt ?? '');
  }
  return csvLine(line);
}

function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
