import { mkdtemp, rm, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { openDatabase, type OpenedDatabase } from '../../db/open-database';
import { localBlobPath, createLocalBlobStore } from '../../storage/blob-store/local-blob-store';
import { runCliWith } from '../helpers/stack';

describe('dondoc storage sweep', () => {
  let dataDir: string;
  let database: OpenedDatabase;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'dondoc-sweep-'));
    // This test owns the embedded database; the CLI connects to it as `dondoc cycle …` does beside `dondoc start`.
    database = await openDatabase({ embeddedDir: path.join(dataDir, 'db') });
  });
  afterAll(async () => {
    await database?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('deletes only the old blobs that no submission and no report references; --dry-run deletes nothing', async () => {
    const root = path.join(dataDir, 'files');
    const blobs = createLocalBlobStore(root);
    const put = (content: string) => blobs.put(Readable.from([Buffer.from(content)]), () => 'application/pdf');
    const kept = await put('submitted');
    const orphan = await put('refused upload');
    const young = await put('upload in flight');
    await database.db
      .insertInto('fileRecords')
      .values({
        sha256: kept.sha256,
        filename: 'bao-cao.pdf',
        contentType: 'application/pdf',
        size: kept.size,
        cycleId: 'cycle-small/2031',
        unitId: 'xa-dong',
        obligationId: 'bao-cao',
        submissionId: 'submit-1',
        tokenId: null,
      })
      .execute();
    const twoDaysAgo = new Date(Date.now() - 48 * 3600_000);
    for (const sha of [kept.sha256, orphan.sha256]) await utimes(localBlobPath(root, sha), twoDaysAgo, twoDaysAgo);
    const env = { DONDOC_DATA_DIR: dataDir };

    const dry = await runCliWith(env, ['storage', 'sweep', '--dry-run']);
    expect(dry).toEqual({
      code: 0,
      stdout: `would delete ${orphan.sha256}\nChạy thử (--dry-run): 1 trong 3 tệp sẽ bị xoá; chưa xoá gì.\n`,
      stderr: '',
    });
    expect(await blobs.has(orphan.sha256)).toBe(true);

    const run = await runCliWith(env, ['storage', 'sweep']);
    expect(run).toEqual({
      code: 0,
      stdout: `deleted ${orphan.sha256}\nĐã xoá 1 trong 3 tệp (BLOB_STORE=local).\n`,
      stderr: '',
    });
    expect(await blobs.has(orphan.sha256)).toBe(false);
    expect(await blobs.has(kept.sha256)).toBe(true);
    expect(await blobs.has(young.sha256)).toBe(true);

    // With no grace period, the young unreferenced one goes too.
    const all = await runCliWith(env, ['storage', 'sweep', '--older-than', '0s']);
    expect(all.stdout).toBe(`deleted ${young.sha256}\nĐã xoá 1 trong 2 tệp (BLOB_STORE=local).\n`);
  });

  it('refuses a duration it cannot read, exit 2', async () => {
    const run = await runCliWith({ DONDOC_DATA_DIR: dataDir }, ['storage', 'sweep', '--older-than', 'một ngày']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('must be a number and a unit: 90m, 24h, 7d');
  });
});
