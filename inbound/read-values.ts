import path from 'node:path';
import { parseFormCsv, parseFormXlsx, type TemplateValues } from '../channels/email/form-template-parse';
import type { FormFieldRule } from '../domain/forms/validate-form-values';
import type { InboundAttachment } from './parse-inbound';

/**
 * The values of an obligation's form from the filled templates a reply carries: the one named after the obligation
 * (`bieu-mau-<id>.csv|xlsx`) first, then any other that reads as this form. Undefined when none does.
 */
export async function readTemplateValues(
  obligationId: string,
  fields: readonly FormFieldRule[],
  forms: readonly InboundAttachment[],
): Promise<TemplateValues | undefined> {
  const own = (f: InboundAttachment) => f.filename.toLowerCase().startsWith(`bieu-mau-${obligationId.toLowerCase()}.`);
  const ordered = [...forms.filter(own), ...forms.filter((f) => !own(f))];
  for (const form of ordered) {
    const extension = path.extname(form.filename).toLowerCase();
    const values =
      extension === '.xlsx' ? await parseFormXlsx(form.content, fields) : parseFormCsv(form.content, fields);
    if (values && Object.keys(values).length > 0) return values;
  }
  return undefined;
}
