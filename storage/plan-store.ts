import { createHash } from 'node:crypto';
import { parsePlanText } from '../config/plan-loader';
import type { DondocDb } from '../db/postgres-pool';
import type { Plan } from '../domain/plan/plan-schema';

/**
 * Plan files as they were when a cycle started or was amended, content-addressed (sha256) so that workflow
 * inputs carry a short id instead of the plan, and a later edit of the file never changes a running cycle. Kept in
 * the database, so a unit workflow started on any host finds its plan.
 */
export interface PlanStore {
  save(text: string): Promise<string>;
  load(id: string): Promise<Plan>;
}

/** A snapshot's id: the SHA-256 of its text, so the same plan text is stored once. */
export function planSnapshotId(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function createPlanStore(db: DondocDb): PlanStore {
  // A snapshot never changes once saved: each host parses it once.
  const cache = new Map<string, Plan>();
  return {
    async save(text) {
      const id = planSnapshotId(text);
      await db
        .insertInto('planSnapshots')
        .values({ id, text })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      return id;
    },
    async load(id) {
      const cached = cache.get(id);
      if (cached) return cached;
      const row = await db.selectFrom('planSnapshots').select('text').where('id', '=', id).executeTakeFirst();
      if (!row) throw new Error(`plan snapshot ${id} is not in the database (plan_snapshots)`);
      const plan = parsePlanText(row.text, `plan snapshot ${id}`);
      cache.set(id, plan);
      return plan;
    },
  };
}
