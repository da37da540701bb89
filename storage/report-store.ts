import { Readable } from 'node:stream';
import type { DondocDb } from '../db/postgres-pool';
import type { BlobStore } from './blob-store';

export interface ReportRecord {
  /** `<planId>/<year>` */
  cycleId: string;
  /** The file's name, e.g. `bao-cao-quy-1-2031-03-20T1700.csv`. */
  name: string;
  sha256: string;
  contentType: string;
  size: number;
  createdAt: Date;
}

/** Aggregated reports in the blob store, with a `report_records` row each, so any host's web can serve them. */
export interface ReportStore {
  save(report: { cycleId: string; name: string; contentType: string; content: string | Buffer }): Promise<void>;
  /** A cycle's reports, the newest first. */
  list(cycleId: string): Promise<ReportRecord[]>;
  /** The newest report of this name in the cycle, with its content; undefined when there is none. */
  open(cycleId: string, name: string): Promise<{ record: ReportRecord; content: Readable } | undefined>;
}

export function createReportStore(blobs: BlobStore, db: DondocDb): ReportStore {
  const columns = ['cycleId', 'name', 'sha256', 'contentType', 'size', 'createdAt'] as const;
  return {
    async save({ cycleId, name, contentType, content }) {
      const bytes = typeof content === 'string' ? Buffer.from(content) : content;
      const put = await blobs.put(Readable.from([bytes]), () => contentType);
      await db
        .insertInto('reportRecords')
        .values({ cycleId, name, sha256: put.sha256, contentType, size: put.size })
        // A retried aggregation writes the same report again: one record.
        .onConflict((oc) => oc.columns(['cycleId', 'name', 'sha256']).doNothing())
        .execute();
    },
    list: (cycleId) =>
      db.selectFrom('reportRecords').select(columns).where('cycleId', '=', cycleId).orderBy('id', 'desc').execute(),
    async open(cycleId, name) {
      const record = await db
        .selectFrom('reportRecords')
        .select(columns)
        .where('cycleId', '=', cycleId)
        .where('name', '=', name)
        .orderBy('id', 'desc')
        .executeTakeFirst();
      const content = record && (await blobs.get(record.sha256));
      return record && content ? { record, content } : undefined;
    },
  };
}
