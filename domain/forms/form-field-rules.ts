import type { Form } from '../plan/plan-schema';
import type { FormFieldRule } from './validate-form-values';

/** The validation rules of a plan form, as plain JSON for workflow inputs. */
export function formFieldRules(form: Form): FormFieldRule[] {
  return form.fields.map(({ key, label, type, min, max, required }) => ({
    key,
    label,
    type,
    required,
    ...(min !== undefined && { min }),
    ...(max !== undefined && { max }),
  }));
}
