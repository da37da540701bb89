import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { planJsonSchema } from '../domain/plan/plan-json-schema';

// `npm run schema`: regenerates config/plan.schema.json; a test fails when the committed file is stale.
const target = path.join(__dirname, '..', 'config', 'plan.schema.json');
writeFileSync(target, `${JSON.stringify(planJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), target)}`);
