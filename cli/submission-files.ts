import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { link, mkdir, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileRef } from '../domain/cycle/unit-state';
import { AppError } from '../domain/errors';

export interface StoredFile {
  ref: FileRef;
  /** Where it is kept: `<dataDir>/files/<sha[0:2]>/<sha>`. */
  path: string;
  /** False when the same content was already stored (by an earlier submission): never ours to remove. */
  created: boolean;
}

const CONTENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.zip': 'application/zip',
};

export function contentTypeOf(filename: string): string {
  return CONTENT_TYPES[path.extname(filename).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Copies each file into the content-addressed store, hashing while copying so the stored bytes are the hashed
 * ones. All or nothing: when one file cannot be read, those this call created are removed again.
 */
export async function storeFiles(dataDir: string, sources: readonly string[]): Promise<StoredFile[]> {
  const stored: StoredFile[] = [];
  try {
    for (const source of sources) stored.push(await storeFile(path.join(dataDir, 'files'), source));
    return stored;
  } catch (err) {
    await removeCreated(stored);
    throw err;
  }
}

/** Undoes `storeFiles` after a rejected submission: a rejected upload leaves nothing behind. */
export async function removeCreated(files: readonly StoredFile[]): Promise<void> {
  for (const file of files) {
    if (!file.created) continue;
    await unlink(file.path).catch(() => undefined);
    await rmdir(path.dirname(file.path)).catch(() => undefined); // only when empty
  }
}

async function storeFile(root: string, source: string): Promise<StoredFile> {
  await mkdir(root, { recursive: true });
  const temp = path.join(root, `.incoming-${process.pid}-${randomUUID()}`);
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(createReadStream(source), tap, createWriteStream(temp, { flags: 'wx', mode: 0o644 }));
    const sha256 = hash.digest('hex');
    const target = path.join(root, sha256.slice(0, 2), sha256);
    await mkdir(path.dirname(target), { recursive: true });
    // link() fails when the target exists: an atomic "create unless present" that keeps the existing copy.
    const created = await link(temp, target).then(
      () => true,
      (err: NodeJS.ErrnoException) => {
        if (err.code === 'EEXIST') return false;
        throw err;
      },
    );
    const ref: FileRef = { sha256, filename: path.basename(source), contentType: contentTypeOf(source), size };
    return { ref, path: target, created };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'permission denied';
      throw new AppError('FILE_NOT_FOUND', `--file ${source}: ${reason}`, { cause: err });
    }
    throw err;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
