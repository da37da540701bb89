import type { UnitStatus } from '../../domain/cycle/unit-status';
import { createSubmissionToken } from '../../links/submission-token';
import { runDondoc } from '../helpers/cli';
import { CYCLE_SMALL } from '../helpers/stack';
import { SAMPLES, zipOf } from '../web/file-samples';
import type { FormPart } from '../web/web-harness';
import { linkToken, openForm, postForm } from './link-browser';
import { report, waitFor } from './reliability-helpers';
import { startServiceUnderTest, type ServiceUnderTest } from './service-under-test';

/**
 * 20 malformed submissions over HTTP against `dondoc start`: each answered 4xx with a Vietnamese page and no stack
 * trace, and none changes a unit's state or leaves a file record.
 */
jest.setTimeout(20 * 60_000);

const CYCLE = { planId: 'cycle-small', year: 2031 } as const;
const UNITS = ['phong-noi-vu', 'xa-dong', 'xa-tay'];
const REPORT = { ...CYCLE, unitId: 'xa-dong', obligationId: 'bao-cao' };
const STACK_TRACE = /\n\s+at /;
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

const goodValues: FormPart[] = [
  ['documentNumber', '45/BC-UBND'],
  ['submittedBy', 'Nguyễn Văn Bình'],
  ['v.so-mo-hinh', '3'],
  ['v.ket-qua', 'Đạt yêu cầu'],
];
const withFile = (filename: string, content: Buffer): FormPart[] => [...goodValues, ['files', { filename, content }]];
/** Each case its own token (a different expiry): the per-link post limit (10 a minute) never answers instead. */
let exp = Math.floor(Date.now() / 1000) + 3600;
const fresh = (claims = REPORT) => linkToken({ ...claims, exp: exp++ });

function essence(statuses: Map<string, UnitStatus>) {
  return [...statuses.values()]
    .sort((a, b) => a.unit.id.localeCompare(b.unit.id))
    .map((s) => s.obligations.map((o) => [s.unit.id, o.id, o.state, o.submissions.length]));
}

describe('20 malformed submissions over HTTP', () => {
  let service: ServiceUnderTest;
  const results: { name: string; status: number }[] = [];

  const state = async () => ({
    units: essence(await service.core.unitStatuses(CYCLE, UNITS)),
    files: await service.database.db.selectFrom('fileRecords').select(['id']).execute(),
  });

  /** Posts through a fresh rendering of `token`'s form (or a raw request), then checks the answer and the state. */
  async function refused(name: string, expected: number, send: () => Promise<{ status: number; html: string }>) {
    const before = await state();
    const answer = await send();
    results.push({ name, status: answer.status });
    expect({ name, status: answer.status }).toEqual({ name, status: expected });
    expect(answer.html).toMatch(VIETNAMESE);
    expect(answer.html).not.toMatch(STACK_TRACE);
    expect(await state()).toEqual(before);
  }
  const viaForm = (token: string, parts: FormPart[]) => async () =>
    postForm(service.host.url, await openForm(service.host.url, token), parts);
  /** A POST with a valid form of another link: for links whose own page cannot be opened. */
  const withBorrowedForm = (token: string, parts: FormPart[]) => async () => {
    const form = await openForm(service.host.url, fresh());
    return postForm(service.host.url, { ...form, token }, parts);
  };

  beforeAll(async () => {
    service = await startServiceUnderTest({ taskQueue: 'reliability-bad-submissions' });
    const started = await runDondoc(['cycle', 'start', CYCLE_SMALL, '--year', String(CYCLE.year)], service.host.env);
    expect(started).toMatchObject({ code: 0, stderr: '' });
    await waitFor('the units', async () => (await service.core.unitStatuses(CYCLE, UNITS)).size === UNITS.length);
  });

  afterAll(async () => {
    await service?.teardown();
  });

  it('answers bad links 4xx', async () => {
    const [version, body, signature] = fresh().split('.') as [string, string, string];
    const otherUnit = Buffer.from(JSON.stringify(['cycle-small', 2031, 'xa-tay', 'bao-cao', exp])).toString(
      'base64url',
    );
    await refused('garbage token', 400, withBorrowedForm('khong-phai-lien-ket', goodValues));
    await refused(
      'changed signature',
      403,
      withBorrowedForm(`${version}.${body}.${signature.slice(0, -2)}AA`, goodValues),
    );
    await refused('claims of another unit', 403, withBorrowedForm(`${version}.${otherUnit}.${signature}`, goodValues));
    await refused(
      'signed with another secret',
      403,
      withBorrowedForm(createSubmissionToken(Buffer.alloc(48, 'x'), { ...REPORT, exp }), goodValues),
    );
    await refused('expired link', 410, withBorrowedForm(linkToken({ ...REPORT, exp: 1_000_000 }), goodValues));
    await refused(
      'another unit’s obligation',
      404,
      withBorrowedForm(fresh({ ...REPORT, unitId: 'phong-noi-vu' }), goodValues),
    );
    await refused(
      'unknown obligation',
      404,
      withBorrowedForm(fresh({ ...REPORT, obligationId: 'bao-cao-nam' }), goodValues),
    );
    await refused('unknown unit', 404, withBorrowedForm(fresh({ ...REPORT, unitId: 'xa-bac' }), goodValues));
  });

  it('answers bad files 4xx', async () => {
    await refused(
      'oversized file',
      413,
      viaForm(fresh(), withFile('lon.pdf', Buffer.concat([SAMPLES.pdf, Buffer.alloc(21 * 1024 * 1024)]))),
    );
    await refused('PNG named .pdf', 415, viaForm(fresh(), withFile('bao-cao.pdf', SAMPLES.png)));
    await refused('program named .docx', 415, viaForm(fresh(), withFile('bao-cao.docx', SAMPLES.exe)));
    await refused(
      'ZIP that is not a document',
      415,
      viaForm(fresh(), withFile('bao-cao.docx', zipOf(['a.txt', 'b.txt']))),
    );
    await refused(
      'six files',
      413,
      viaForm(fresh(), [
        ...goodValues,
        ...Array.from({ length: 6 }, (_, i) => ['files', { filename: `${i}.pdf`, content: SAMPLES.pdf }] as FormPart),
      ]),
    );
  });

  it('answers bad values 4xx', async () => {
    const values = (changes: Record<string, string>): FormPart[] =>
      goodValues.map(([name, value]) => [name, changes[name] ?? value] as FormPart);
    await refused('count below its minimum', 422, viaForm(fresh(), values({ 'v.so-mo-hinh': '-3' })));
    await refused('count not a number', 422, viaForm(fresh(), values({ 'v.so-mo-hinh': 'mười' })));
    await refused('no submitter', 422, viaForm(fresh(), values({ submittedBy: '' })));
    await refused('bad document number', 422, viaForm(fresh(), values({ documentNumber: 'không-phải-số' })));
    await refused('no CSRF token', 403, async () => {
      const form = await openForm(service.host.url, fresh());
      return postForm(service.host.url, { ...form, csrf: 'sai' }, goodValues);
    });
  });

  it('records the same request twice once', async () => {
    const form = await openForm(service.host.url, fresh());
    const first = await postForm(service.host.url, form, withFile('bao-cao.pdf', SAMPLES.pdf));
    expect(first.status).toBe(200);
    const before = await state();
    const again = await postForm(service.host.url, form, withFile('bao-cao.pdf', SAMPLES.pdf));
    results.push({ name: 'the same request twice', status: again.status });
    expect(again.status).toBe(200); // the first receipt, once more
    expect(again.html).toContain('Đã nhận văn bản');
    expect(await state()).toEqual(before);
    const versions = (await service.core.unitStatuses(CYCLE, ['xa-dong']))
      .get('xa-dong')
      ?.obligations.find((o) => o.id === 'bao-cao')?.submissions;
    expect(versions).toHaveLength(1);
  });

  it('answers a submission after the cycle closed 410', async () => {
    const token = fresh({ ...REPORT, unitId: 'xa-tay' });
    const form = await openForm(service.host.url, token);
    const closed = await runDondoc(['cycle', 'close', `${CYCLE.planId}/${CYCLE.year}`], service.host.env);
    expect(closed).toMatchObject({ code: 0 });
    await waitFor('the units closed', async () =>
      [...(await service.core.unitStatuses(CYCLE, UNITS)).values()].every((s) => s.closed),
    );
    await refused('after the cycle closed', 410, () => postForm(service.host.url, form, goodValues));
    report(
      'malformed-submissions',
      `${results.length} cases: ${results.map((r) => r.status).join(' ')}; no state changed, no file record left`,
    );
    expect(results).toHaveLength(20);
  });
});
