import { STATE_LABELS } from '../views/vn-format';
import type { Matrix } from './cycle-matrix';

const field = (value: string | number | undefined): string => {
  const raw = value === undefined ? '' : String(value);
  const text = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw; // never a formula in Excel
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The matrix as CSV for Excel: UTF-8 with a BOM (or Excel reads Vietnamese as mojibake), CRLF lines, and per
 * obligation its due date, state and first submission time. A cell starting like a formula gets a leading `'`.
 */
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
  return `\uFEFF${lines.map((line) => line.map(field).join(',')).join('\r\n')}\r\n`;
}
