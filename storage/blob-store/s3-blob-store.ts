import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { AppError } from '../../domain/errors';
import { SHA256_PATTERN, type BlobEntry, type BlobStore } from './blob-store';
import { withStagedUpload } from './staged-upload';

export interface S3BlobStoreOptions {
  bucket: string;
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

const PREFIX = 'blobs/';
const keyOf = (sha256: string) => `${PREFIX}${sha256}`;

/** Blobs as objects `blobs/<sha256>` of one bucket of any S3-compatible store (AWS, MinIO). */
export function createS3BlobStore(options: S3BlobStoreOptions, stagingDir: string): BlobStore {
  const client = new S3Client({
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    ...(options.endpoint && { endpoint: options.endpoint }),
    ...(options.accessKeyId &&
      options.secretAccessKey && {
        credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      }),
    // MinIO and other S3-compatible stores do not all speak the SDK's newer default checksums.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Bucket = options.bucket;
  return {
    kind: 's3',
    put: (input, check) =>
      withStagedUpload(stagingDir, input, check, async (staged) => {
        // Put even when present: the same bytes under the same key, and a fresh LastModified keeps the sweep off.
        await client.send(
          new PutObjectCommand({
            Bucket,
            Key: keyOf(staged.sha256),
            Body: createReadStream(staged.file),
            ContentLength: staged.size,
            ContentType: 'application/octet-stream',
          }),
        );
        return { sha256: staged.sha256, size: staged.size, contentType: staged.contentType };
      }),
    async get(sha256) {
      if (!SHA256_PATTERN.test(sha256)) return undefined;
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(sha256) }));
        return object.Body instanceof Readable ? object.Body : undefined;
      } catch (err) {
        if (err instanceof NoSuchKey || err instanceof NotFound) return undefined;
        throw err;
      }
    },
    async has(sha256) {
      if (!SHA256_PATTERN.test(sha256)) return false;
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: keyOf(sha256) }));
        return true;
      } catch (err) {
        if (err instanceof NotFound || (err as { name?: string }).name === 'NotFound') return false;
        throw err;
      }
    },
    async *list(): AsyncIterable<BlobEntry> {
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: PREFIX, ContinuationToken }));
        for (const object of page.Contents ?? []) {
          const sha256 = object.Key?.slice(PREFIX.length) ?? '';
          if (SHA256_PATTERN.test(sha256)) yield { sha256, modifiedAt: object.LastModified ?? new Date(0) };
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
    async delete(sha256) {
      if (!SHA256_PATTERN.test(sha256)) return;
      await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(sha256) }));
    },
    async probe() {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
      } catch (err) {
        const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
        const why = status === 404 ? 'no such bucket' : status === 403 ? 'access denied' : (err as Error).message;
        throw new AppError(
          'BLOB_STORE_UNAVAILABLE',
          `BLOB_STORE=s3: bucket ${Bucket}${options.endpoint ? ` at ${options.endpoint}` : ''}: ${why || String(err)}`,
          { cause: err },
        );
      }
    },
  };
}
