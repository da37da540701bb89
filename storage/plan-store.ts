import { createHash } from 'node:crypto';
import { parsePlanText } from '../config/plan-loader';
import type { DondocDb } from '../db/postgres-pool';
import { PlanSchema, type Plan } from '../domain/plan/plan-schema';

/**
 * Plan files as they were when a cycle started or was amended, content-addressed (sha256) so that workflow
 * inputs carry a short id instead of the plan, and a later edit of the file never changes a running cycle. Kept in
 * the database, so a unit workflow started on any host finds its plan.
 */
export interface PlanStore {
  /** `plan`: the text as the caller already parsed and validated it (else it is parsed here). */
  save(text: string, plan?: Plan): Promise<string>;
  load(id: string): Promise<Plan>;
}

/**
 * The row that holds a snapshot's validated plan as JSON, next to its text: reading a 10,000-unit plan back from
 * YAML took seconds (the YAML parser, not the validation), which every host paid at its first page or activity.
 */
function validatedRowId(id: string): string {
  return `${id}.json`;
}

/** A snapshot's id: the SHA-256 of its text, so the same plan text is stored once. */
export function planSnapshotId(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function createPlanStore(db: DondocDb): PlanStore {
  // A snapshot never changes once saved: each host parses it once.
  const cache = new Map<string, Plan>();
  return {
    async save(text, parsed) {
      const id = planSnapshotId(text);
      const plan = parsed ?? parsePlanText(text, `plan snapshot ${id}`);
      await db
        .insertInto('planSnapshots')
        .values([
          { id, text },
          { id: validatedRowId(id), text: JSON.stringify(plan) },
        ])
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      cache.set(id, plan);
      return id;
    },
    async load(id) {
      const cached = cache.get(id);
      if (cached) return cached;
      const rows = await db
        .selectFrom('planSnapshots')
        .select(['id', 'text'])
        .where('id', 'in', [id, validatedRowId(id)])
        .execute();
      const validated = rows.find((row) => row.id === validatedRowId(id));
      const original = rows.find((row) => row.id === id);
      if (!original) throw new Error(`plan snapshot ${id} is not in the database (plan_snapshots)`);
      // Validated again (a fraction of the YAML's cost), so a snapshot stored by an older version gets today's defaults.
      const fromJson = validated && PlanSchema.safeParse(JSON.parse(validated.text));
      const plan = fromJson?.success ? fromJson.data : parsePlanText(original.text, `plan snapshot ${id}`);
      cache.set(id, plan);
      return plan;
    },
  };
}
