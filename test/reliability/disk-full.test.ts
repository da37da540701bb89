import { execFileSync } from 'node:child_process';
import { mkdir, open, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { getStatusQuery } from '../../workflows/unit-messages';
import { runDondoc } from '../helpers/cli';
import { startSmallCycle, startTestStack, type TestStack } from '../helpers/stack';
import { SAMPLES } from '../web/file-samples';
import { buildTestApp, cookiesOf, csrfOf, multipart, type WebApp } from '../web/web-harness';
import { report } from './reliability-helpers';

/**
 * A full disk while an upload or a report is written: the blob store directory and the report's directory are a
 * 1 MB tmpfs, filled up first. Both fail with a clear error, leave no half-written file, and change no state.
 * Needs root (mount); without it the test fails, it is never skipped.
 */
jest.setTimeout(10 * 60_000);

const CLAIMS = { planId: 'cycle-small', year: 2031, unitId: 'xa-dong', obligationId: 'bao-cao' };
const STACK_TRACE = /\n\s+at /;

/** Fills the file system of `dir` up to its last byte. */
async function fill(dir: string): Promise<void> {
  const handle = await open(path.join(dir, 'filler'), 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) await handle.write(chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    await handle.close().catch(() => undefined);
  }
  // Small writes still fit in the last partial block: fill those bytes too.
  const tail = await open(path.join(dir, 'filler-tail'), 'w');
  try {
    for (;;) await tail.write(Buffer.alloc(512, 1));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    await tail.close().catch(() => undefined);
  }
}

describe('disk full', () => {
  let stack: TestStack;
  let web: WebApp;
  let app: FastifyInstance;
  const mounts: string[] = [];

  async function fullDisk(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]);
    mounts.push(dir);
    await fill(dir);
  }
  const unitStatus = (unitId: string) =>
    stack.client.workflow.getHandle(`dondoc/cycle-small/2031/${unitId}`).query(getStatusQuery);
  const fileRecords = () => stack.db.selectFrom('fileRecords').select(['id']).execute();

  beforeAll(async () => {
    stack = await startTestStack();
    await startSmallCycle(stack);
    web = await buildTestApp(stack);
    app = web.app;
  });

  afterAll(async () => {
    await app?.close();
    for (const dir of mounts.reverse()) execFileSync('umount', ['-l', dir]);
    await stack?.teardown();
  });

  it('refuses an upload on a full blob store: 503 with a Vietnamese page, nothing half-written, no record', async () => {
    const files = path.join(stack.dataDir, 'files');
    await fullDisk(files);
    const leftBefore = (await readdir(files)).sort();
    const before = { status: await unitStatus('xa-dong'), records: await fileRecords() };
    const token = web.token(CLAIMS);
    const page = await app.inject({ method: 'GET', url: `/s/${token}` });
    const body = await multipart([
      ['_csrf', csrfOf(page.body)],
      ['documentNumber', '45/BC-UBND'],
      ['submittedBy', 'Nguyễn Văn Bình'],
      ['v.so-mo-hinh', '3'],
      ['files', { filename: 'bao-cao.pdf', content: Buffer.concat([SAMPLES.pdf, Buffer.alloc(200 * 1024, 7)]) }],
    ]);
    const response = await app.inject({ method: 'POST', url: `/s/${token}`, cookies: cookiesOf(page), ...body });
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('Máy chủ hết chỗ lưu tệp');
    expect(response.body).not.toMatch(STACK_TRACE);
    expect((await readdir(files)).sort()).toEqual(leftBefore); // no .incoming-* left behind
    expect(await fileRecords()).toEqual(before.records);
    expect(await unitStatus('xa-dong')).toEqual(before.status);
    report(
      'disk-full upload',
      `HTTP ${response.statusCode} «Máy chủ hết chỗ lưu tệp…», no file left, no record, unit unchanged`,
    );
  });

  it('refuses a report write on a full disk: exit 2 naming the file, no partial file', async () => {
    const out = path.join(stack.dataDir, 'out');
    await fullDisk(out);
    const leftBefore = (await readdir(out)).sort();
    const file = path.join(out, 'bao-cao.docx');
    const run = await runDondoc(
      ['report', 'cycle-small/2031', '--obligation', 'bao-cao', '--format', 'docx', '--out', file],
      stack.env,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(file);
    expect(run.stderr).toContain('ENOSPC');
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect((await readdir(out)).sort()).toEqual(leftBefore); // neither the report nor write-file-atomic's temp
    report('disk-full report', `exit ${run.code}: ${run.stderr.trim().split('\n')[0]}; no partial file`);
  });
});
