import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import type { OpenedDatabase } from '../../db/open-database';
import type { FileRef } from '../../domain/cycle/unit-state';
import type { BlobStore } from '../../storage/blob-store';
import { createLocalBlobStore } from '../../storage/blob-store/local-blob-store';
import { sweepBlobs } from '../../storage/blob-sweep';
import { createFileStore, type FileStore } from '../../storage/file-store';
import { createPlanStore, planSnapshotId } from '../../storage/plan-store';
import { createReportStore } from '../../storage/report-store';
import { DATABASES } from '../helpers/databases';
const CYCLE_SMALL = path.resolve(__dirname, '..', 'fixtures', 'plans', 'cycle-small.yaml');

const HOUR = 60 * 60 * 1000;
const submission = (submissionId: string, files: readonly FileRef[]) => ({
  cycleId: 'cycle-small/2031',
  unitId: 'xa-a',
  obligationId: 'bao-cao-quy',
  submissionId,
  tokenId: null,
  files,
});

describe.each(DATABASES)('stores on $name', (backend) => {
  let opened: OpenedDatabase;
  let dir: string;
  let blobs: BlobStore;
  let files: FileStore;

  beforeAll(async () => {
    opened = await backend.open();
  });
  afterAll(async () => {
    await opened?.close();
  });
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dondoc-stores-'));
    blobs = createLocalBlobStore(dir);
    files = createFileStore(blobs, opened.db);
    await opened.db.deleteFrom('fileRecords').execute();
    await opened.db.deleteFrom('reportRecords').execute();
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps plan snapshots in the database under the SHA-256 of their text, for every host', async () => {
    const planText = await readFile(CYCLE_SMALL, 'utf8');
    const id = await createPlanStore(opened.db).save(planText);
    expect(id).toBe(planSnapshotId(planText));
    expect(await createPlanStore(opened.db).save(planText)).toBe(id); // the same text is one snapshot
    const plan = await createPlanStore(opened.db).load(id); // another host: a store of its own
    expect(plan.id).toBe('cycle-small');
    await expect(createPlanStore(opened.db).load(planSnapshotId('nope'))).rejects.toThrow(/plan_snapshots/);
  });

  it('reads a snapshot back from its validated JSON, and one stored without it (an older version) from its text', async () => {
    const planText = await readFile(CYCLE_SMALL, 'utf8');
    const id = await createPlanStore(opened.db).save(planText);
    const fromJson = await createPlanStore(opened.db).load(id);
    const stored = await opened.db
      .selectFrom('planSnapshots')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    // Validated by another plan schema: validated again.
    await opened.db.updateTable('planSnapshots').set({ planSchema: 'older' }).where('id', '=', id).execute();
    const revalidated = await createPlanStore(opened.db).load(id);
    // Saved before migration 0005: the JSON in a row of its own, else only the text.
    await opened.db
      .updateTable('planSnapshots')
      .set({ planJson: null, planSchema: null })
      .where('id', '=', id)
      .execute();
    await opened.db
      .insertInto('planSnapshots')
      .values({ id: `${id}.json`, text: stored.planJson! })
      .execute();
    const fromLegacyJson = await createPlanStore(opened.db).load(id);
    await opened.db.deleteFrom('planSnapshots').where('id', '=', `${id}.json`).execute();
    const fromText = await createPlanStore(opened.db).load(id);
    expect(fromJson).toEqual(fromText);
    expect(revalidated).toEqual(fromText);
    expect(fromLegacyJson).toEqual(fromText);
    expect(fromText.units.map((u) => u.id)).toEqual(['phong-noi-vu', 'xa-dong', 'xa-tay']);
    // Saving the same text again (an amendment back to it) brings the row up to date.
    await createPlanStore(opened.db).save(planText);
    const updated = await opened.db
      .selectFrom('planSnapshots')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(updated).toMatchObject({ planJson: stored.planJson, planSchema: stored.planSchema });
  });

  it('takes a JSON validated by this plan schema as it is, without validating it again', async () => {
    const planText = await readFile(CYCLE_SMALL, 'utf8');
    const id = await createPlanStore(opened.db).save(planText);
    const stored = await opened.db
      .selectFrom('planSnapshots')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    // A value the schema would refuse shows whether it was validated again.
    const marked = { ...(JSON.parse(stored.planJson!) as object), title: 42 };
    await opened.db
      .updateTable('planSnapshots')
      .set({ planJson: JSON.stringify(marked) })
      .where('id', '=', id)
      .execute();
    expect((await createPlanStore(opened.db).load(id)).title).toBe(42);
    await opened.db.updateTable('planSnapshots').set({ planJson: stored.planJson }).where('id', '=', id).execute();
  });

  it('records a submission once however often it is retried, and unrecords only its own rows', async () => {
    const [stored] = await files.storeFiles([CYCLE_SMALL]);
    const refs = [stored!.ref];
    const first = await files.record(submission('submit-1', refs));
    expect(first).toHaveLength(1);
    expect(await files.record(submission('submit-1', refs))).toEqual([]); // the same Update again
    const other = await files.record(submission('submit-2', refs)); // another submission, the same bytes
    await files.unrecord(other);
    const rows = await opened.db.selectFrom('fileRecords').selectAll().execute();
    expect(rows.map((row) => [row.submissionId, row.sha256, row.filename, row.tokenId])).toEqual([
      ['submit-1', stored!.ref.sha256, 'cycle-small.yaml', null],
    ]);
  });

  it('sweeps only blobs that are old and referenced by no file record and no report record', async () => {
    const put = (content: string) => blobs.put(Readable.from([Buffer.from(content)]), () => 'text/plain');
    const submitted = await put('submitted');
    const reported = await put('reported');
    const orphan = await put('refused upload');
    const reports = createReportStore(blobs, opened.db);
    await files.record(
      submission('submit-1', [{ sha256: submitted.sha256, filename: 'a.pdf', contentType: 'text/plain', size: 9 }]),
    );
    await reports.save({ cycleId: 'cycle-small/2031', name: 'r.csv', contentType: 'text/csv', content: 'reported' });

    // Within the grace period nothing goes, not even the orphan (its submission may be on its way).
    expect(await sweepBlobs(blobs, opened.db)).toEqual({ examined: 3, unreferenced: [], deleted: 0 });

    const later = () => new Date(Date.now() + 25 * HOUR);
    const dry = await sweepBlobs(blobs, opened.db, { now: later, dryRun: true });
    expect(dry).toEqual({ examined: 3, unreferenced: [orphan.sha256], deleted: 0 });
    expect(await blobs.has(orphan.sha256)).toBe(true);

    expect(await sweepBlobs(blobs, opened.db, { now: later })).toEqual({
      examined: 3,
      unreferenced: [orphan.sha256],
      deleted: 1,
    });
    expect(await blobs.has(orphan.sha256)).toBe(false);
    expect(await blobs.has(submitted.sha256)).toBe(true);
    expect(await blobs.has(reported.sha256)).toBe(true);
    expect(await sweepBlobs(blobs, opened.db, { now: later, olderThanMs: 0 })).toMatchObject({ deleted: 0 });
  });

  it('keeps reports in the blob store with a record, the newest of a name first', async () => {
    const reports = createReportStore(blobs, opened.db);
    await reports.save({ cycleId: 'cycle-small/2031', name: 'r.csv', contentType: 'text/csv', content: 'v1' });
    await reports.save({ cycleId: 'cycle-small/2031', name: 'r.csv', contentType: 'text/csv', content: 'v2' });
    const opened1 = await reports.open('cycle-small/2031', 'r.csv');
    expect(opened1?.record).toMatchObject({ name: 'r.csv', contentType: 'text/csv', size: 2 });
    expect(await text(opened1!.content)).toBe('v2');
    expect((await reports.list('cycle-small/2031')).map((r) => r.size)).toEqual([2, 2]);
    expect(await reports.open('cycle-small/2031', 'other.csv')).toBeUndefined();
  });
});
