import { type CellValue, Workbook } from 'exceljs';
import type { FormFieldRule } from '../../domain/forms/validate-form-values';

/** The values a filled template carries, by field key (raw: `validateFormValues` checks them). */
export type TemplateValues = Record<string, unknown>;

const norm = (text: string): string => text.normalize('NFC').trim().toLowerCase();

/** Splits CSV text on `sep`, with `"` quoting (Excel's dialect). */
function parseCsv(text: string, sep: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      out.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) out.push([...row, field]);
  return out;
}

/** From the header row (`key` … `Giá trị`), each field's raw value; undefined when the table is not a template. */
function valuesOfTable(
  table: readonly (readonly unknown[])[],
  fields: readonly FormFieldRule[],
): TemplateValues | undefined {
  const headerAt = table.findIndex((row) => row.some((c) => typeof c === 'string' && norm(c) === 'key'));
  if (headerAt < 0) return undefined;
  const header = table[headerAt]!.map((c) => (typeof c === 'string' ? norm(c) : ''));
  const keyCol = header.indexOf('key');
  const found = header.findIndex((h) => h.startsWith('giá trị') || h === 'gia tri' || h === 'value');
  const valueCol = found >= 0 ? found : 3;
  const types = new Map(fields.map((f) => [f.key, f.type]));
  const values: TemplateValues = {};
  for (const row of table.slice(headerAt + 1)) {
    const key = typeof row[keyCol] === 'string' ? row[keyCol].trim() : '';
    const type = types.get(key);
    if (!type) continue;
    const value = normalizeValue(type, row[valueCol]);
    if (value !== undefined) values[key] = value;
  }
  return values;
}

/** Excel's ways of writing a value, brought to what the form validation reads. */
function normalizeValue(type: FormFieldRule['type'], raw: unknown): unknown {
  if (raw === undefined || raw === null) return undefined;
  if (raw instanceof Date) {
    if (type !== 'date') return raw.toISOString();
    return raw.toISOString().slice(0, 10);
  }
  if (typeof raw === 'number' || typeof raw === 'boolean') return type === 'text' ? String(raw) : raw;
  if (typeof raw !== 'string') return undefined;
  const text = raw.normalize('NFC').trim().replace(/^'/, '');
  if (text === '') return undefined;
  switch (type) {
    case 'integer':
    case 'number':
    case 'percent': {
      const plain = text.replace(/%$/, '').replace(/\s/g, '');
      // 1.234,5 (Vietnamese thousands and decimals) or 1234,5 or 1234.5
      if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(plain)) return Number(plain.replace(/\./g, '').replace(',', '.'));
      if (/^-?\d+(,\d+)?$/.test(plain)) return Number(plain.replace(',', '.'));
      return plain;
    }
    case 'boolean': {
      const lower = norm(text);
      if (['có', 'co', 'x', 'true', '1', 'yes'].includes(lower)) return true;
      if (['không', 'khong', 'false', '0', 'no'].includes(lower)) return false;
      return text;
    }
    case 'date': {
      const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
      if (vn) return `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}`;
      return text;
    }
    default:
      return text;
  }
}

/** A filled CSV template (BOM or not, `;` or `,` between cells, as Excel re-saved it). */
export function parseFormCsv(content: Buffer, fields: readonly FormFieldRule[]): TemplateValues | undefined {
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  return valuesOfTable(parseCsv(text, sep), fields);
}

function cellValue(value: CellValue): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('result' in value) return cellValue(value.result);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return String(value.text);
  return undefined;
}

/** A filled XLSX template (its first sheet); undefined when the workbook cannot be read or holds no template. */
export async function parseFormXlsx(
  content: Buffer,
  fields: readonly FormFieldRule[],
): Promise<TemplateValues | undefined> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    return undefined;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return undefined;
  const table: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, index) => {
    const cells: unknown[] = [];
    for (let col = 1; col <= Math.max(row.cellCount, 4); col++) cells.push(cellValue(row.getCell(col).value));
    table[index - 1] = cells;
  });
  return valuesOfTable(
    table.map((row) => row ?? []),
    fields,
  );
}
