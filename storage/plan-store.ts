import { createHash } from 'node:crypto';
import { parsePlanText } from '../config/plan-loader';
import type { DondocDb } from '../db/postgres-pool';
import { PlanSchema, type Plan } from '../domain/plan/plan-schema';
import { planSchemaFingerprintSource } from '../domain/plan/plan-schema-fingerprint';

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
 * The row in which a version before migration 0005 kept a snapshot's validated plan as JSON, next to its text:
 * still read (and validated again) for snapshots saved then.
 */
function legacyJsonRowId(id: string): string {
  return `${id}.json`;
}

/** A snapshot's id: the SHA-256 of its text, so the same plan text is stored once. */
export function planSnapshotId(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

let schemaFingerprint: string | undefined;

/** The plan schema this process validates with, as stored in `plan_schema`. */
function currentPlanSchema(): string {
  schemaFingerprint ??= createHash('sha256').update(planSchemaFingerprintSource()).digest('hex');
  return schemaFingerprint;
}

export function createPlanStore(db: DondocDb): PlanStore {
  // A snapshot never changes once saved: each host reads it once.
  const cache = new Map<string, Plan>();

  /**
   * A snapshot's plan without the YAML (seconds at 10,000 units): its JSON as this schema validated it is taken as it
   * is (we wrote it, and it is content-addressed), else validated again, so one stored by an older version gets
   * today's defaults; undefined when there is no JSON at all.
   */
  async function fromJson(id: string): Promise<Plan | undefined> {
    const row = await db
      .selectFrom('planSnapshots')
      .select(['planJson', 'planSchema'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new Error(`plan snapshot ${id} is not in the database (plan_snapshots)`);
    if (row.planJson !== null && row.planSchema === currentPlanSchema()) return JSON.parse(row.planJson) as Plan;
    const legacy =
      row.planJson === null
        ? await db.selectFrom('planSnapshots').select('text').where('id', '=', legacyJsonRowId(id)).executeTakeFirst()
        : { text: row.planJson };
    if (!legacy) return undefined;
    const validated = PlanSchema.safeParse(JSON.parse(legacy.text));
    return validated.success ? validated.data : undefined;
  }

  return {
    async save(text, parsed) {
      const id = planSnapshotId(text);
      const plan = parsed ?? parsePlanText(text, `plan snapshot ${id}`);
      const json = { planJson: JSON.stringify(plan), planSchema: currentPlanSchema() };
      await db
        .insertInto('planSnapshots')
        .values({ id, text, ...json })
        // A row saved before migration 0005 (or under another schema) gets today's JSON.
        .onConflict((oc) => oc.column('id').doUpdateSet(json))
        .execute();
      cache.set(id, plan);
      return id;
    },
    async load(id) {
      const cached = cache.get(id);
      if (cached) return cached;
      let plan = await fromJson(id);
      if (!plan) {
        const original = await db
          .selectFrom('planSnapshots')
          .select('text')
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        plan = parsePlanText(original.text, `plan snapshot ${id}`);
      }
      cache.set(id, plan);
      return plan;
    },
  };
}
