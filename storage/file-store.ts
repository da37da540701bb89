import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { link, mkdir, open, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileRef } from '../domain/cycle/unit-state';
import { AppError } from '../domain/errors';
import { contentTypeOfName } from './content-type-of-name';

export interface StoredFile {
  ref: FileRef;
  /** Where it is kept: `<dataDir>/files/<sha[0:2]>/<sha>`. */
  path: string;
  /** False when the same content was already stored (by an earlier submission): never ours to remove. */
  created: boolean;
}

/** Decides, from the copied bytes, the stored content type; throws to refuse the file (nothing is kept). */
export type ContentCheck = (sample: { head: Buffer; tail: Buffer }) => string;

const SAMPLE_BYTES = 64 * 1024;

/** `<dataDir>/files/<sha[0:2]>/<sha>`: where a submitted file with this sha256 lives. */
export function storedFilePath(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'files', sha256.slice(0, 2), sha256);
}

/**
 * Copies each file into the content-addressed store, hashing while copying so the stored bytes are the hashed
 * ones. All or nothing: when one file cannot be read, those this call created are removed again.
 */
export async function storeFiles(dataDir: string, sources: readonly string[]): Promise<StoredFile[]> {
  const stored: StoredFile[] = [];
  try {
    for (const source of sources) {
      // Opened only once the store is ready: a read error must find pipeline() listening.
      const input = () => createReadStream(source);
      const byName = () => contentTypeOfName(source);
      stored.push(await storeStream(dataDir, input, path.basename(source), byName).catch(fileError(source)));
    }
    return stored;
  } catch (err) {
    await removeCreated(stored);
    throw err;
  }
}

/** Undoes a store after a rejected submission: a rejected upload leaves nothing behind. */
export async function removeCreated(files: readonly StoredFile[]): Promise<void> {
  for (const file of files) {
    if (!file.created) continue;
    await unlink(file.path).catch(() => undefined);
    await rmdir(path.dirname(file.path)).catch(() => undefined); // only when empty
  }
}

/**
 * Streams `input` into the store under its sha256. The bytes go to a temporary file first, so a stream that fails
 * (too large, cut off) or content that `check` refuses leaves nothing behind.
 */
export async function storeStream(
  dataDir: string,
  input: Readable | (() => Readable),
  filename: string,
  check: ContentCheck,
): Promise<StoredFile> {
  const root = path.join(dataDir, 'files');
  await mkdir(root, { recursive: true });
  const temp = path.join(root, `.incoming-${process.pid}-${randomUUID()}`);
  const hash = createHash('sha256');
  let size = 0;
  const headChunks: Buffer[] = [];
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      if (size < SAMPLE_BYTES) headChunks.push(chunk.subarray(0, SAMPLE_BYTES - size));
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(
      typeof input === 'function' ? input() : input,
      tap,
      createWriteStream(temp, { flags: 'wx', mode: 0o644 }),
    );
    const contentType = check({ head: Buffer.concat(headChunks), tail: await readTail(temp, size) });
    const sha256 = hash.digest('hex');
    const target = storedFilePath(dataDir, sha256);
    await mkdir(path.dirname(target), { recursive: true });
    // link() fails when the target exists: an atomic "create unless present" that keeps the existing copy.
    const created = await link(temp, target).then(
      () => true,
      (err: NodeJS.ErrnoException) => {
        if (err.code === 'EEXIST') return false;
        throw err;
      },
    );
    return { ref: { sha256, filename, contentType, size }, path: target, created };
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

async function readTail(file: string, size: number): Promise<Buffer> {
  const length = Math.min(size, SAMPLE_BYTES);
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    return buffer;
  } finally {
    await handle.close();
  }
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

/** The content-addressed store of submitted files under `<dataDir>/files`, as one object to hand around. */
export interface FileStore {
  /** Copies files named on a command line; all or nothing. */
  storeFiles(sources: readonly string[]): Promise<StoredFile[]>;
  /** Streams one upload in, refused unless `check` accepts its bytes. */
  storeStream(input: Readable | (() => Readable), filename: string, check: ContentCheck): Promise<StoredFile>;
  /** Removes what a call of this store created, after the submission it was for was refused. */
  removeCreated(files: readonly StoredFile[]): Promise<void>;
  /** Where the file with this sha256 is kept. */
  pathOf(sha256: string): string;
}

export function createFileStore(dataDir: string): FileStore {
  return {
    storeFiles: (sources) => storeFiles(dataDir, sources),
    storeStream: (input, filename, check) => storeStream(dataDir, input, filename, check),
    removeCreated,
    pathOf: (sha256) => storedFilePath(dataDir, sha256),
  };
}
