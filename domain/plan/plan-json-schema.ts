import { z } from 'zod';
import { PlanShape } from './plan-shape';

/**
 * The JSON Schema of the plan file, from the same zod schema that validates it, for editors
 * (`# yaml-language-server: $schema=../plan.schema.json`). Cross-reference checks are not expressible here.
 */
export function planJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(PlanShape, { io: 'input', target: 'draft-2020-12' }),
    title: 'dondoc plan file',
    description: 'A Kế hoạch of a People’s Committee: its units, obligations, deadlines and forms (CONTRACTS.md §1).',
  };
}
