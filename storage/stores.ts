import type { Config } from '../config/env';
import type { DondocDb } from '../db/postgres-pool';
import { createBlobStore, type BlobStore } from './blob-store';
import { createFileStore, type FileStore } from './file-store';
import { createPlanStore, type PlanStore } from './plan-store';
import { createReportStore, type ReportStore } from './report-store';

/** What the application core keeps outside Temporal: plan snapshots, submitted files, reports. */
export interface DondocStores {
  blobs: BlobStore;
  plans: PlanStore;
  files: FileStore;
  reports: ReportStore;
}

/** The stores on dondoc's database and the blob store BLOB_STORE names (probed: unreachable stops start-up). */
export async function openStores(config: Config, db: DondocDb, dataDir = config.dataDir): Promise<DondocStores> {
  const blobs = await createBlobStore(config, db, dataDir);
  return {
    blobs,
    plans: createPlanStore(db),
    files: createFileStore(blobs, db),
    reports: createReportStore(blobs, db),
  };
}
