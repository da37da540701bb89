import type { Kysely } from 'kysely';

/**
 * A snapshot's validated plan as JSON next to its text (issue #14): reading a 10,000-unit plan back from YAML took
 * seconds, and validating it again a tenth of a second, at every host's first page. `plan_schema` names the plan
 * schema the JSON was validated against; a snapshot validated by another schema is validated again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('plan_snapshots').addColumn('plan_json', 'text').execute();
  await db.schema.alterTable('plan_snapshots').addColumn('plan_schema', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('plan_snapshots').dropColumn('plan_schema').execute();
  await db.schema.alterTable('plan_snapshots').dropColumn('plan_json').execute();
}
