import { sql } from 'kysely';
import type { DondocDb } from '../postgres-pool';

/** A unit with no row has never been revoked: its inbox link is at this generation. */
export const FIRST_GENERATION = 1;

/** The current generation of each unit's inbox link; revoking one moves it on, so the old link stops at once. */
export interface UnitInboxStore {
  /** Every asked unit's current generation (FIRST_GENERATION for a unit never revoked), in one query. */
  generations(unitIds: readonly string[]): Promise<Map<string, number>>;
  /**
   * Revokes generation `from` if it is still the current one, and answers the current generation afterwards: a form
   * sent twice revokes once.
   */
  revoke(unitId: string, from: number, by: string, now: Date): Promise<number>;
}

export function createUnitInboxStore(db: DondocDb): UnitInboxStore {
  const generations: UnitInboxStore['generations'] = async (unitIds) => {
    const result = new Map(unitIds.map((id) => [id, FIRST_GENERATION]));
    if (unitIds.length === 0) return result;
    const rows = await db
      .selectFrom('unitInboxes')
      .select(['unitId', 'generation'])
      .where('unitId', 'in', [...new Set(unitIds)])
      .execute();
    for (const row of rows) result.set(row.unitId, row.generation);
    return result;
  };
  return {
    generations,
    async revoke(unitId, from, by, now) {
      if (from === FIRST_GENERATION) {
        await db
          .insertInto('unitInboxes')
          .values({ unitId, generation: FIRST_GENERATION + 1, revokedAt: now, revokedBy: by })
          .onConflict((oc) => oc.column('unitId').doNothing())
          .execute();
      } else {
        await db
          .updateTable('unitInboxes')
          .set({ generation: sql<number>`generation + 1`, revokedAt: now, revokedBy: by })
          .where('unitId', '=', unitId)
          .where('generation', '=', from)
          .execute();
      }
      return (await generations([unitId])).get(unitId) ?? FIRST_GENERATION;
    },
  };
}
