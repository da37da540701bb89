import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { DondocDb } from '../../db/postgres-pool';
import { AppError } from '../../domain/errors';
import { SHA256_PATTERN, type BlobEntry, type BlobStore } from './blob-store';
import { TooLargeError, withStagedUpload } from './staged-upload';

/** Documents are at most this large in the database (a bytea row is read whole). */
export const DATABASE_BLOB_MAX_BYTES = 20 * 1024 * 1024;

const PAGE = 500;

/** Blobs as rows of the `blobs` table: every host that shares the database shares the files. */
export function createDatabaseBlobStore(db: DondocDb, stagingDir: string): BlobStore {
  return {
    kind: 'database',
    put: (input, check) =>
      withStagedUpload(
        stagingDir,
        input,
        check,
        async (staged) => {
          const content = await readFile(staged.file);
          await db
            .insertInto('blobs')
            .values({ sha256: staged.sha256, content, size: staged.size })
            // The same content again keeps the one row; its age restarts, so the sweep leaves it alone.
            .onConflict((oc) => oc.column('sha256').doUpdateSet({ modifiedAt: sql<Date>`now()` }))
            .execute();
          return { sha256: staged.sha256, size: staged.size, contentType: staged.contentType };
        },
        DATABASE_BLOB_MAX_BYTES,
      ).catch((err: unknown) => {
        if (err instanceof TooLargeError) throw tooLarge();
        throw err;
      }),
    async get(sha256) {
      if (!SHA256_PATTERN.test(sha256)) return undefined;
      const row = await db.selectFrom('blobs').select('content').where('sha256', '=', sha256).executeTakeFirst();
      return row ? Readable.from([row.content]) : undefined;
    },
    async has(sha256) {
      if (!SHA256_PATTERN.test(sha256)) return false;
      const row = await db.selectFrom('blobs').select('sha256').where('sha256', '=', sha256).executeTakeFirst();
      return row !== undefined;
    },
    async *list(): AsyncIterable<BlobEntry> {
      let after = '';
      for (;;) {
        const rows = await db
          .selectFrom('blobs')
          .select(['sha256', 'modifiedAt'])
          .where('sha256', '>', after)
          .orderBy('sha256')
          .limit(PAGE)
          .execute();
        for (const row of rows) yield { sha256: row.sha256, modifiedAt: row.modifiedAt };
        if (rows.length < PAGE) return;
        after = rows.at(-1)!.sha256;
      }
    },
    async delete(sha256) {
      await db.deleteFrom('blobs').where('sha256', '=', sha256).execute();
    },
    async probe() {
      try {
        await db.selectFrom('blobs').select('sha256').limit(1).execute();
      } catch (err) {
        throw new AppError(
          'BLOB_STORE_UNAVAILABLE',
          `BLOB_STORE=database: the blobs table cannot be read: ${(err as Error).message}`,
          { cause: err },
        );
      }
    },
  };
}

function tooLarge(): AppError {
  const mb = DATABASE_BLOB_MAX_BYTES / 1024 / 1024;
  return new AppError('FILE_TOO_LARGE', `BLOB_STORE=database: a file is larger than ${mb} MB, the most it keeps`, {
    userMessage: `Mỗi tệp không được quá ${mb} MB.`,
  });
}
