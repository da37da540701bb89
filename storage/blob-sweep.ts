import type { DondocDb } from '../db/postgres-pool';
import type { BlobEntry, BlobStore } from './blob-store';

/** An upload in flight (stored, its submission not yet recorded) is never this old. */
export const DEFAULT_SWEEP_GRACE_MS = 24 * 60 * 60 * 1000;

export interface SweepOptions {
  /** Only blobs last put longer ago than this are candidates. @defaultValue 24 h */
  olderThanMs?: number;
  /** Report what would go, delete nothing. */
  dryRun?: boolean;
  now?: () => Date;
}

export interface SweepResult {
  /** Blobs in the store. */
  examined: number;
  /** Old enough and referenced by no file record and no report record: deleted (or, dry, would be). */
  unreferenced: string[];
  deleted: number;
}

const BATCH = 500;

/**
 * Deletes the blobs that no submission file record and no report record references and that were last put more
 * than the grace period ago. Uploads never delete inline (the same bytes may be another submission's); this is the
 * only deletion. Putting a blob again restarts its age, so a blob just reused by a new upload is spared.
 */
export async function sweepBlobs(blobs: BlobStore, db: DondocDb, options: SweepOptions = {}): Promise<SweepResult> {
  const cutoff = (options.now?.() ?? new Date()).getTime() - (options.olderThanMs ?? DEFAULT_SWEEP_GRACE_MS);
  let examined = 0;
  const unreferenced: string[] = [];
  let batch: BlobEntry[] = [];
  const flush = async () => {
    const shas = batch.map((entry) => entry.sha256);
    batch = [];
    if (shas.length === 0) return;
    const referenced = new Set(
      (
        await db
          .selectFrom('fileRecords')
          .select('sha256')
          .where('sha256', 'in', shas)
          .union(db.selectFrom('reportRecords').select('sha256').where('sha256', 'in', shas))
          .union(db.selectFrom('inboundFiles').select('sha256').where('sha256', 'in', shas))
          .union(db.selectFrom('inboundMessages').select('rawSha256 as sha256').where('rawSha256', 'in', shas))
          .execute()
      ).map((row) => row.sha256),
    );
    unreferenced.push(...shas.filter((sha) => !referenced.has(sha)));
  };
  for await (const entry of blobs.list()) {
    examined += 1;
    if (entry.modifiedAt.getTime() >= cutoff) continue;
    batch.push(entry);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  let deleted = 0;
  if (!options.dryRun) {
    for (const sha256 of unreferenced) {
      await blobs.delete(sha256);
      deleted += 1;
    }
  }
  return { examined, unreferenced, deleted };
}
