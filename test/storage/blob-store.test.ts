import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { loadConfig } from '../../config/env';
import type { OpenedDatabase } from '../../db/open-database';
import { AppError } from '../../domain/errors';
import { createBlobStore, type BlobStore, type ContentCheck } from '../../storage/blob-store';
import { DATABASE_BLOB_MAX_BYTES } from '../../storage/blob-store/database-blob-store';
import { DATABASES } from '../helpers/databases';
import { startTestS3Server, type TestS3Server } from '../helpers/s3-server';

const asText: ContentCheck = () => 'text/plain';
const sha = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');
const collect = async (store: BlobStore) => {
  const entries = [];
  for await (const entry of store.list()) entries.push(entry);
  return entries;
};

const databases = new Map<string, OpenedDatabase>();
let s3: TestS3Server;
let dataDir: string;

beforeAll(async () => {
  s3 = await startTestS3Server();
  for (const backend of DATABASES) databases.set(backend.name, await backend.open());
});
afterAll(async () => {
  await Promise.all([...[...databases.values()].map((opened) => opened.close()), s3?.close()]);
});
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'dondoc-blobs-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function envOf(kind: string): Record<string, string> {
  const base = { DONDOC_DATA_DIR: dataDir, BLOB_STORE: kind };
  if (kind !== 's3') return base;
  return {
    ...base,
    S3_BUCKET: s3.bucket,
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
  };
}

/** Every backend, built as start-up builds it (createBlobStore from the environment), emptied first. */
async function storeOf(kind: string, on = 'PGlite'): Promise<BlobStore> {
  const store = await createBlobStore(loadConfig(envOf(kind)), dbOf(on));
  for await (const entry of store.list()) await store.delete(entry.sha256);
  return store;
}

const dbOf = (name: string) => databases.get(name)!.db;

// The database store runs on both databases dondoc runs on.
describe.each([
  ['local', 'PGlite'],
  ['database', 'PGlite'],
  ['database', 'PostgreSQL'],
  ['s3', 'PGlite'],
])('the %s blob store (database: %s)', (kind, on) => {
  it('puts content under its SHA-256 and gives it back', async () => {
    const store = await storeOf(kind, on);
    const content = Buffer.from('Báo cáo số 45/BC-UBND\n'.repeat(5000));
    const put = await store.put(Readable.from([content.subarray(0, 1000), content.subarray(1000)]), asText);
    expect(put).toEqual({ sha256: sha(content), size: content.length, contentType: 'text/plain' });
    expect(await store.has(put.sha256)).toBe(true);
    const stream = await store.get(put.sha256);
    expect(await buffer(stream!)).toEqual(content);
  });

  it('hands the check the head, the tail and the size; a refusal leaves nothing', async () => {
    const store = await storeOf(kind, on);
    const content = Buffer.concat([Buffer.from('HEAD'), Buffer.alloc(200_000, 0x20), Buffer.from('TAIL')]);
    let seen: { head: string; tail: string; size: number } | undefined;
    await expect(
      store.put(Readable.from([content]), ({ head, tail, size }) => {
        seen = { head: head.subarray(0, 4).toString(), tail: tail.subarray(-4).toString(), size };
        throw new Error('not a document');
      }),
    ).rejects.toThrow('not a document');
    expect(seen).toEqual({ head: 'HEAD', tail: 'TAIL', size: content.length });
    expect(await store.has(sha(content))).toBe(false);
    expect(await collect(store)).toEqual([]);
  });

  it('leaves nothing when the stream breaks', async () => {
    const store = await storeOf(kind, on);
    const broken = new Readable({
      read() {
        this.push(Buffer.from('part of a file'));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(store.put(broken, asText)).rejects.toThrow('connection reset');
    expect(await collect(store)).toEqual([]);
    expect(
      (await readdir(path.join(dataDir, kind === 'local' ? 'files' : 'incoming'))).filter((n) =>
        n.startsWith('.incoming'),
      ),
    ).toEqual([]);
  });

  it('keeps one copy of the same content, and restarts its age when it is put again', async () => {
    const store = await storeOf(kind, on);
    const first = await store.put(Readable.from([Buffer.from('giống nhau')]), asText);
    const [before] = await collect(store);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // S3 times have whole seconds
    const again = await store.put(Readable.from([Buffer.from('giống nhau')]), asText);
    expect(again.sha256).toBe(first.sha256);
    const entries = await collect(store);
    expect(entries.map((e) => e.sha256)).toEqual([first.sha256]);
    expect(entries[0]!.modifiedAt.getTime()).toBeGreaterThan(before!.modifiedAt.getTime());
  });

  it('lists every blob with its time, and deletes one', async () => {
    const store = await storeOf(kind, on);
    const a = await store.put(Readable.from([Buffer.from('a')]), asText);
    const b = await store.put(Readable.from([Buffer.from('b')]), asText);
    const entries = await collect(store);
    expect(entries.map((e) => e.sha256).sort()).toEqual([a.sha256, b.sha256].sort());
    for (const entry of entries) expect(Date.now() - entry.modifiedAt.getTime()).toBeLessThan(60_000);
    await store.delete(a.sha256);
    expect(await store.has(a.sha256)).toBe(false);
    expect(await store.get(a.sha256)).toBeUndefined();
    expect(await store.has(b.sha256)).toBe(true);
    await store.delete(a.sha256); // deleting what is gone is no error
  });

  it('answers undefined for a blob it does not have, and for a key that is not a SHA-256', async () => {
    const store = await storeOf(kind, on);
    expect(await store.get(sha('never stored'))).toBeUndefined();
    expect(await store.has(sha('never stored'))).toBe(false);
    expect(await store.get('../../etc/passwd')).toBeUndefined();
  });
});

describe('the database blob store', () => {
  it('refuses a file over 20 MB with a clear error, and keeps nothing', async () => {
    const store = await storeOf('database');
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    const chunks = Array.from({ length: DATABASE_BLOB_MAX_BYTES / chunk.length + 1 }, () => chunk);
    const err = await store.put(Readable.from(chunks), asText).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('FILE_TOO_LARGE');
    expect((err as AppError).message).toBe('BLOB_STORE=database: a file is larger than 20 MB, the most it keeps');
    expect(await collect(store)).toEqual([]);
  });
});

describe('createBlobStore', () => {
  it('stops start-up with BLOB_STORE_UNAVAILABLE when the S3 bucket does not exist', async () => {
    const config = loadConfig({ ...envOf('s3'), S3_BUCKET: 'no-such-bucket' });
    const err = await createBlobStore(config, dbOf('PGlite')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('BLOB_STORE_UNAVAILABLE');
    expect((err as AppError).message).toBe(`BLOB_STORE=s3: bucket no-such-bucket at ${s3.endpoint}: no such bucket`);
  });

  it('stops start-up when nothing listens at S3_ENDPOINT', async () => {
    const config = loadConfig({ ...envOf('s3'), S3_ENDPOINT: 'http://127.0.0.1:9' });
    const err = await createBlobStore(config, dbOf('PGlite')).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('BLOB_STORE_UNAVAILABLE');
    expect((err as AppError).message).toMatch(/^BLOB_STORE=s3: bucket dondoc-test at http:\/\/127\.0\.0\.1:9: /);
  });

  it('stops start-up when the local directory cannot be written', async () => {
    const notADirectory = path.join(dataDir, 'a-file');
    await writeFile(notADirectory, '');
    const config = loadConfig({ ...envOf('local'), DONDOC_DATA_DIR: notADirectory });
    const err = await createBlobStore(config, dbOf('PGlite')).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('BLOB_STORE_UNAVAILABLE');
    expect((err as AppError).message).toMatch(/^BLOB_STORE=local: cannot write to .*a-file\/files: /);
  });
});
