import { Workbook } from 'exceljs';
import type { FormFieldRule } from '../../domain/forms/validate-form-values';

/** The header row of a form template; the parser finds the `key` and `Giá trị` columns by these names. */
export const FORM_TEMPLATE_HEADER = ['key', 'Nội dung', 'Kiểu / giới hạn', 'Giá trị'] as const;

const TYPE_LABELS: Record<FormFieldRule['type'], string> = {
  integer: 'số nguyên',
  number: 'số',
  percent: 'tỷ lệ %',
  text: 'văn bản',
  date: 'ngày dd/MM/yyyy',
  boolean: 'Có / Không',
};

/** "số nguyên, từ 0, bắt buộc": what a unit officer must type in the value cell. */
export function fieldHint(field: FormFieldRule): string {
  const parts: string[] = [TYPE_LABELS[field.type]];
  const min = field.min ?? (field.type === 'percent' ? 0 : undefined);
  const max = field.max ?? (field.type === 'percent' ? 100 : undefined);
  if (min !== undefined && max !== undefined) parts.push(`từ ${min} đến ${max}`);
  else if (min !== undefined) parts.push(`từ ${min}`);
  else if (max !== undefined) parts.push(`đến ${max}`);
  parts.push(field.required ? 'bắt buộc' : 'không bắt buộc');
  return parts.join(', ');
}

export function formTemplateName(obligationId: string, extension: 'csv' | 'xlsx'): string {
  return `bieu-mau-${obligationId}.${extension}`;
}

function rows(fields: readonly FormFieldRule[]): string[][] {
  return [[...FORM_TEMPLATE_HEADER], ...fields.map((field) => [field.key, field.label, fieldHint(field), ''])];
}

function cell(text: string): string {
  // A label starting with `=` must stay text when Excel opens the file.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[";,\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The form as a CSV a unit fills in Excel and attaches to its reply: UTF-8 with a BOM (Vietnamese shows right),
 * `;` between cells (Excel's list separator where the decimal mark is `,`, as in Vietnam), one row per field.
 */
export function formTemplateCsv(fields: readonly FormFieldRule[]): string {
  return `\uFEFF${rows(fields)
    .map((line) => line.map(cell).join(';'))
    .join('\r\n')}\r\n`;
}

/** The same template as an XLSX workbook (one sheet, the value column wide and unlocked for typing). */
export async function formTemplateXlsx(fields: readonly FormFieldRule[], title: string): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'dondoc';
  workbook.created = new Date(0); // stable bytes for the same form
  workbook.modified = new Date(0);
  const sheet = workbook.addWorksheet('Biểu mẫu');
  sheet.columns = [{ width: 24 }, { width: 48 }, { width: 32 }, { width: 32 }];
  for (const line of rows(fields)) sheet.addRow(line);
  sheet.getRow(1).font = { bold: true };
  sheet.headerFooter.oddHeader = title;
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer);
}
