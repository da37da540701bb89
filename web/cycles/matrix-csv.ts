import { csvDocument } from '../../domain/csv';
import { STATE_LABELS } from '../views/labels';
import type { Matrix } from './cycle-matrix';

/** The matrix as CSV for Excel (`csvDocument`): per obligation its due date, state and first submission time. */
export function matrixCsv(matrix: Matrix): string {
  const header = ['Mã đơn vị', 'Đơn vị'];
  for (const o of matrix.obligations)
    header.push(`${o.title} — hạn`, `${o.title} — tình trạng`, `${o.title} — ngày nộp`);
  const lines = [header];
  for (const row of matrix.rows) {
    const line = [row.unitId, row.name];
    for (const cell of row.cells) {
      if (!cell) line.push('', row.status ? 'Không áp dụng' : 'Không đọc được', '');
      else line.push(cell.dueDate, STATE_LABELS[cell.state], cell.submissions[0]?.submittedAt ?? '');
    }
    lines.push(line);
  }
  return csvDocument(lines);
}
