import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ContentCheck } from './blob-store';

const SAMPLE_BYTES = 64 * 1024;

/** An upload held in a temporary file, hashed and checked, until a backend takes it. */
export interface StagedUpload {
  file: string;
  sha256: string;
  size: number;
  contentType: string;
}

/** Thrown by the stream when a backend's size limit is passed; put() turns it into the backend's own error. */
export class TooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`larger than ${limit} bytes`);
  }
}

/**
 * Streams `input` into a temporary file under `dir`, hashing while copying so the stored bytes are the hashed
 * ones, samples its head and tail for `check`, then hands the file to `commit`. The temporary file is removed
 * whatever happens: a refused, cut-off or too large stream leaves nothing.
 */
export async function withStagedUpload<T>(
  dir: string,
  input: Readable | (() => Readable),
  check: ContentCheck,
  commit: (staged: StagedUpload) => Promise<T>,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<T> {
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.incoming-${process.pid}-${randomUUID()}`);
  const hash = createHash('sha256');
  let size = 0;
  const headChunks: Buffer[] = [];
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (size + chunk.length > maxBytes) return done(new TooLargeError(maxBytes));
      hash.update(chunk);
      if (size < SAMPLE_BYTES) headChunks.push(chunk.subarray(0, SAMPLE_BYTES - size));
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    // Opened only now (when given as a function): a read error must find pipeline() listening.
    await pipeline(typeof input === 'function' ? input() : input, tap, createWriteStream(temp, { flags: 'wx' }));
    const contentType = check({ head: Buffer.concat(headChunks), tail: await readTail(temp, size), size });
    return await commit({ file: temp, sha256: hash.digest('hex'), size, contentType });
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
