import type { SubmitRequest } from '../../cycles';
import type { FileRef } from '../../domain/cycle/unit-state';
import { validateFormValues } from '../../domain/forms/validate-form-values';
import { parseLocalDate } from '../../domain/local-date';
import type { LinkContext } from './link-context';

/** What the officer typed, kept to fill the form again after an error. */
export interface FormEntry {
  documentNumber: string;
  documentDate: string;
  submittedBy: string;
  /** Plan form values by field key, as typed. */
  values: Record<string, string>;
}

export type FormErrors = Record<string, string>;

export const VALUE_PREFIX = 'v.';

export function emptyEntry(): FormEntry {
  return { documentNumber: '', documentDate: '', submittedBy: '', values: {} };
}

export function entryOf(fields: Readonly<Record<string, string>>): FormEntry {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (name.startsWith(VALUE_PREFIX)) values[name.slice(VALUE_PREFIX.length)] = value;
  }
  return {
    documentNumber: (fields.documentNumber ?? '').trim(),
    documentDate: (fields.documentDate ?? '').trim(),
    submittedBy: (fields.submittedBy ?? '').trim(),
    values,
  };
}

/**
 * The checks the page can make before calling the Update, with the messages next to their fields: the plan form
 * through `validateFormValues` (the Update runs the same), the submitter, the document date and the files.
 */
export function checkEntry(
  context: LinkContext,
  entry: FormEntry,
  files: readonly FileRef[],
): { ok: true; request: SubmitRequest } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  if (!entry.submittedBy) errors.submittedBy = 'Cần ghi họ tên người nộp';
  else if (entry.submittedBy.length > 200) errors.submittedBy = 'Họ tên quá dài';
  if (entry.documentDate && parseLocalDate(entry.documentDate) === undefined) {
    errors.documentDate = 'Ngày văn bản không hợp lệ';
  }
  if (entry.documentNumber.length > 50) errors.documentNumber = 'Số văn bản quá dài';
  if (context.needsFiles && files.length === 0) errors.files = 'Cần đính kèm ít nhất một tệp văn bản';
  const checked = validateFormValues(context.fields, entry.values);
  if (!checked.ok) {
    for (const error of checked.errors) errors[`${VALUE_PREFIX}${error.key}`] = error.message;
  }
  if (Object.keys(errors).length > 0 || !checked.ok) return { ok: false, errors };
  return {
    ok: true,
    request: {
      channel: 'web',
      submittedBy: entry.submittedBy,
      ...(context.fields.length > 0 && { values: checked.values }),
      ...(entry.documentNumber && { documentNumber: entry.documentNumber }),
      ...(entry.documentDate && { documentDate: entry.documentDate }),
    },
  };
}

/** The Update's sentence, placed next to the field it is about when that is clear. */
export function placeRejection(message: string): FormErrors {
  if (message.startsWith('Số văn bản')) return { documentNumber: message };
  if (message.startsWith('Ngày văn bản')) return { documentDate: message };
  return { form: message };
}
