import { readFileSync } from 'node:fs';
import path from 'node:path';
import { planJsonSchema } from '../../../domain/plan/plan-json-schema';

describe('the JSON Schema of the plan file', () => {
  it('is generated from the zod schema and committed up to date (run `npm run schema`)', () => {
    const committed: unknown = JSON.parse(
      readFileSync(path.join(__dirname, '..', '..', '..', 'config', 'plan.schema.json'), 'utf8'),
    );
    expect(committed).toEqual(planJsonSchema());
  });

  it('lets editors complete the plan: units, obligations and their due-date forms are described', () => {
    const schema = planJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['units', 'obligations', 'forms', 'defaults']),
    );
    expect(schema.required).toEqual(
      expect.arrayContaining(['id', 'title', 'issuer', 'supervisor', 'units', 'obligations']),
    );
  });
});
