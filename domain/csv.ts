/**
 * CSV for Excel, the tool Phòng Nội vụ opens it with: UTF-8 with a BOM (or Excel shows Vietnamese as mojibake),
 * CRLF lines, and no text cell Excel would run as a formula. Units type free text into their reports, so a text
 * starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`; numbers stay numbers.
 */
export type CsvValue = string | number | boolean | undefined;

export function csvCell(value: CsvValue): string {
  if (value === undefined) return '';
  const raw = String(value);
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvDocument(lines: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${lines.map((line) => line.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
