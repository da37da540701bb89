import { link, mkdir, open, readdir, rmdir, stat, unlink, utimes } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../domain/errors';
import { SHA256_PATTERN, type BlobEntry, type BlobStore } from './blob-store';
import { withStagedUpload } from './staged-upload';

/** `<root>/<sha[0:2]>/<sha>`: where the local store keeps the blob with this SHA-256. */
export function localBlobPath(root: string, sha256: string): string {
  return path.join(root, sha256.slice(0, 2), sha256);
}

/** Blobs as files in a directory (default `<dataDir>/files`): one host, or a shared volume. */
export function createLocalBlobStore(root: string): BlobStore {
  const fileOf = (sha256: string) => localBlobPath(root, sha256);
  return {
    kind: 'local',
    put: (input, check) =>
      // Staged inside the root, so that link() below stays on one file system. The staged file is removed whatever
      // happens, so a full disk leaves nothing half-written.
      withStagedUpload(root, input, check, async (staged) => {
        const target = fileOf(staged.sha256);
        await mkdir(path.dirname(target), { recursive: true });
        // link() fails when the target exists: an atomic "create unless present" that keeps the existing copy,
        // whose age then restarts so that the sweep leaves it to the submission now being recorded.
        await link(staged.file, target).catch(async (err: NodeJS.ErrnoException) => {
          if (err.code !== 'EEXIST') throw err;
          const now = new Date();
          await utimes(target, now, now);
        });
        return { sha256: staged.sha256, size: staged.size, contentType: staged.contentType };
      }).catch((err: unknown) => {
        throw noSpaceLeft(err, root) ?? err;
      }),
    async get(sha256) {
      if (!SHA256_PATTERN.test(sha256)) return undefined;
      // Opened first, so that a missing blob is an answer here rather than an error in the middle of a response.
      const handle = await open(fileOf(sha256), 'r').catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return undefined;
        throw err;
      });
      return handle?.createReadStream();
    },
    async has(sha256) {
      if (!SHA256_PATTERN.test(sha256)) return false;
      return stat(fileOf(sha256)).then(
        () => true,
        () => false,
      );
    },
    async *list(): AsyncIterable<BlobEntry> {
      const prefixes = await readdir(root).catch(() => [] as string[]);
      for (const prefix of prefixes.filter((name) => /^[0-9a-f]{2}$/.test(name))) {
        const names = await readdir(path.join(root, prefix)).catch(() => [] as string[]);
        for (const name of names.filter((n) => SHA256_PATTERN.test(n))) {
          const info = await stat(path.join(root, prefix, name)).catch(() => undefined);
          if (info) yield { sha256: name, modifiedAt: info.mtime };
        }
      }
    },
    async delete(sha256) {
      if (!SHA256_PATTERN.test(sha256)) return;
      const file = fileOf(sha256);
      await unlink(file).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
      await rmdir(path.dirname(file)).catch(() => undefined); // only when empty
    },
    async probe() {
      try {
        await mkdir(root, { recursive: true });
        const handle = await open(path.join(root, `.probe-${process.pid}`), 'w');
        await handle.close();
        await unlink(path.join(root, `.probe-${process.pid}`));
      } catch (err) {
        throw new AppError(
          'BLOB_STORE_UNAVAILABLE',
          `BLOB_STORE=local: cannot write to ${root}: ${(err as Error).message}`,
          { cause: err },
        );
      }
    },
  };
}

/** A full disk (or quota) is the store refusing the write: a clear error for the operator and for the person. */
function noSpaceLeft(err: unknown, root: string): AppError | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code !== 'ENOSPC' && code !== 'EDQUOT') return undefined;
  return new AppError('BLOB_STORE_UNAVAILABLE', `BLOB_STORE=local: no space left in ${root} (${code})`, {
    cause: err,
    userMessage: 'Máy chủ hết chỗ lưu tệp nên chưa nhận được văn bản. Vui lòng báo quản trị viên và nộp lại sau.',
  });
}
