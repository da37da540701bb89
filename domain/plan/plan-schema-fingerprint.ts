import { z } from 'zod';
import { PlanShape } from './plan-shape';

/**
 * Bump when `PlanSchema` changes what it makes of a plan in a way its JSON Schema does not show (a transform, a
 * cross-check): snapshots validated before are then validated again when read.
 */
const PLAN_SCHEMA_REVISION = 1;

let fingerprint: string | undefined;

/**
 * What a stored validated plan was validated against: the plan's JSON Schema (fields, enums, defaults, both as
 * written and as validated) and `PLAN_SCHEMA_REVISION`. Pure: the caller hashes it.
 */
export function planSchemaFingerprintSource(): string {
  fingerprint ??= JSON.stringify({
    revision: PLAN_SCHEMA_REVISION,
    input: z.toJSONSchema(PlanShape, { io: 'input', unrepresentable: 'any' }),
    output: z.toJSONSchema(PlanShape, { io: 'output', unrepresentable: 'any' }),
  });
  return fingerprint;
}
