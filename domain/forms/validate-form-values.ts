import { parseLocalDate } from '../local-date';

/** The part of a plan's form field that validation needs (plain JSON, so workflows can carry it). */
export interface FormFieldRule {
  key: string;
  label: string;
  type: 'integer' | 'number' | 'percent' | 'text' | 'date' | 'boolean';
  min?: number;
  max?: number;
  required: boolean;
}

export type FormValue = string | number | boolean;
export type FormValues = Record<string, FormValue>;

export interface FieldError {
  key: string;
  message: string;
}

export type FormValidation = { ok: true; values: FormValues } | { ok: false; errors: FieldError[] };

const MAX_TEXT_LENGTH = 20_000;

/**
 * Checks submitted values against a plan form, the same way for the `submit` Update, the web form and the CLI.
 * Numbers may arrive as text (web forms); they come back as numbers. Messages are for unit officers: Vietnamese.
 * Sandbox-safe: no Node APIs, no luxon.
 */
export function validateFormValues(
  fields: readonly FormFieldRule[],
  input: Readonly<Record<string, unknown>>,
): FormValidation {
  const errors: FieldError[] = [];
  const values: FormValues = {};
  const known = new Set(fields.map((field) => field.key));
  for (const key of Object.keys(input)) {
    if (!known.has(key)) errors.push({ key, message: `Biểu mẫu không có trường «${key}»` });
  }
  for (const field of fields) {
    const raw = input[field.key];
    const empty = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
    if (empty) {
      if (field.required) errors.push({ key: field.key, message: `«${field.label}» là trường bắt buộc` });
      continue;
    }
    const checked = checkValue(field, raw);
    if (typeof checked === 'string') errors.push({ key: field.key, message: `«${field.label}» ${checked}` });
    else values[field.key] = checked.value;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values };
}

function checkValue(field: FormFieldRule, raw: unknown): { value: FormValue } | string {
  switch (field.type) {
    case 'text':
      if (typeof raw !== 'string') return 'phải là văn bản';
      if (raw.length > MAX_TEXT_LENGTH) return `dài quá ${MAX_TEXT_LENGTH} ký tự`;
      return { value: raw.trim().normalize('NFC') };
    case 'boolean':
      if (typeof raw === 'boolean') return { value: raw };
      if (raw === 'true' || raw === 'có') return { value: true };
      if (raw === 'false' || raw === 'không') return { value: false };
      return 'phải là Có hoặc Không';
    case 'date':
      if (typeof raw !== 'string' || parseLocalDate(raw) === undefined) return 'phải là ngày hợp lệ (YYYY-MM-DD)';
      return { value: raw };
    default:
      return checkNumber(field, raw);
  }
}

function checkNumber(field: FormFieldRule, raw: unknown): { value: number } | string {
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim().replace(',', '.')) : NaN;
  if (!Number.isFinite(value)) return 'phải là một số';
  if (field.type === 'integer' && !Number.isInteger(value)) return 'phải là số nguyên';
  const min = field.min ?? (field.type === 'percent' ? 0 : undefined);
  const max = field.max ?? (field.type === 'percent' ? 100 : undefined);
  if (min !== undefined && value < min) return `không được nhỏ hơn ${min}`;
  if (max !== undefined && value > max) return `không được lớn hơn ${max}`;
  return { value };
}
