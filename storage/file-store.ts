import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { DondocDb } from '../db/postgres-pool';
import type { FileRef } from '../domain/cycle/unit-state';
import { AppError } from '../domain/errors';
import type { BlobStore, ContentCheck } from './blob-store';
import { contentTypeOfName } from './content-type-of-name';

export type { ContentCheck } from './blob-store';

export interface StoredFile {
  ref: FileRef;
}

/** Who a submission's files belong to: written before the workflow is asked, so the sweep never takes them. */
export interface SubmissionFiles {
  /** `<planId>/<year>` */
  cycleId: string;
  unitId: string;
  obligationId: string;
  /** The id of the Update that carries the submission. */
  submissionId: string;
  /** The API token that submitted it, if any. */
  tokenId: string | null;
  files: readonly FileRef[];
}

/**
 * Submitted files: their bytes in the blob store, and a record per file and submission in `file_records`. Nothing
 * here deletes a blob: a refused upload leaves an unreferenced blob that the sweep removes later, since the same
 * bytes may belong to another submission.
 */
export interface FileStore {
  /** Copies files named on a command line into the blob store. */
  storeFiles(sources: readonly string[]): Promise<StoredFile[]>;
  /** Streams one upload in, refused unless `check` accepts its bytes. */
  storeStream(input: Readable | (() => Readable), filename: string, check: ContentCheck): Promise<StoredFile>;
  /** The file's content, or undefined when the store does not have it. */
  open(sha256: string): Promise<Readable | undefined>;
  /** Records the files of a submission about to be asked for; the ids of the rows this call added (a retry adds none). */
  record(submission: SubmissionFiles): Promise<number[]>;
  /** Removes records `record` added, once the workflow surely refused their submission. */
  unrecord(ids: readonly number[]): Promise<void>;
}

export function createFileStore(blobs: BlobStore, db: DondocDb): FileStore {
  const storeStream: FileStore['storeStream'] = async (input, filename, check) => {
    const put = await blobs.put(input, check);
    return { ref: { sha256: put.sha256, filename, contentType: put.contentType, size: put.size } };
  };
  return {
    async storeFiles(sources) {
      const stored: StoredFile[] = [];
      for (const source of sources) {
        // Opened only once the store is ready: a read error must find the copy listening.
        const input = () => createReadStream(source);
        const byName = () => contentTypeOfName(source);
        stored.push(await storeStream(input, path.basename(source), byName).catch(fileError(source)));
      }
      return stored;
    },
    storeStream,
    open: (sha256) => blobs.get(sha256),
    async record(submission) {
      if (submission.files.length === 0) return [];
      const rows = await db
        .insertInto('fileRecords')
        .values(
          submission.files.map((file) => ({
            sha256: file.sha256,
            filename: file.filename,
            contentType: file.contentType,
            size: file.size,
            cycleId: submission.cycleId,
            unitId: submission.unitId,
            obligationId: submission.obligationId,
            submissionId: submission.submissionId,
            tokenId: submission.tokenId,
          })),
        )
        .onConflict((oc) => oc.columns(['submissionId', 'sha256', 'filename']).doNothing())
        .returning('id')
        .execute();
      return rows.map((row) => row.id);
    },
    async unrecord(ids) {
      if (ids.length === 0) return;
      await db
        .deleteFrom('fileRecords')
        .where('id', 'in', [...ids])
        .execute();
    },
  };
}

function fileError(source: string): (err: unknown) => never {
  return (err) => {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'permission denied';
      throw new AppError('FILE_NOT_FOUND', `--file ${source}: ${reason}`, { cause: err });
    }
    throw err;
  };
}
