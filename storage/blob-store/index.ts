import path from 'node:path';
import type { Config } from '../../config/env';
import type { DondocDb } from '../../db/postgres-pool';
import type { BlobStore } from './blob-store';
import { createDatabaseBlobStore } from './database-blob-store';
import { createLocalBlobStore } from './local-blob-store';
import { createS3BlobStore } from './s3-blob-store';

export type { BlobEntry, BlobStore, BlobStoreKind, ContentCheck, PutBlob } from './blob-store';

/** `<dataDir>/files`: the local store's directory. */
export function localBlobRoot(dataDir: string): string {
  return path.join(dataDir, 'files');
}

/**
 * The blob store BLOB_STORE names, probed once: an unreachable store stops start-up (BLOB_STORE_UNAVAILABLE)
 * instead of failing the first upload. `dataDir` (default: DONDOC_DATA_DIR) holds the local store and staging.
 */
export async function createBlobStore(config: Config, db: DondocDb, dataDir = config.dataDir): Promise<BlobStore> {
  const { env } = config;
  // Uploads wait in a temporary file while they are hashed and checked; only then does a backend take them.
  const stagingDir = path.join(dataDir, 'incoming');
  const store =
    env.BLOB_STORE === 'database'
      ? createDatabaseBlobStore(db, stagingDir)
      : env.BLOB_STORE === 's3'
        ? createS3BlobStore(
            {
              bucket: env.S3_BUCKET ?? '',
              region: env.S3_REGION,
              forcePathStyle: env.S3_FORCE_PATH_STYLE,
              ...(env.S3_ENDPOINT && { endpoint: env.S3_ENDPOINT }),
              ...(env.S3_ACCESS_KEY_ID && { accessKeyId: env.S3_ACCESS_KEY_ID }),
              ...(env.S3_SECRET_ACCESS_KEY && { secretAccessKey: env.S3_SECRET_ACCESS_KEY }),
            },
            stagingDir,
          )
        : createLocalBlobStore(localBlobRoot(dataDir));
  await store.probe();
  return store;
}
