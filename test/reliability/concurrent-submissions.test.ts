import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runDondoc } from '../helpers/cli';
import { SAMPLES } from '../web/file-samples';
import type { FormPart } from '../web/web-harness';
import { linkToken, openForm, postForm, type OpenedForm } from './link-browser';
import { inPool, report, waitFor } from './reliability-helpers';
import { emailOnlyPlanYaml, startServiceUnderTest, unitIdsOf, type ServiceUnderTest } from './service-under-test';

/**
 * 200 submissions over HTTP at once against `dondoc start` (100 communes, two each from two renderings of the form),
 * one in four posted a second time as a browser retries: every intended submission is one version, no more.
 */
jest.setTimeout(30 * 60_000);

const COMMUNES = 100;
const CYCLE = { planId: 'dong-thoi', year: 2031 } as const;

describe('200 concurrent submissions, some retried', () => {
  let service: ServiceUnderTest;

  beforeAll(async () => {
    service = await startServiceUnderTest({ taskQueue: 'reliability-submissions' });
    const planFile = path.join(service.workDir, 'dong-thoi.yaml');
    await writeFile(planFile, emailOnlyPlanYaml(CYCLE.planId, COMMUNES));
    const started = await runDondoc(['cycle', 'start', planFile, '--year', String(CYCLE.year)], service.host.env);
    expect(started).toMatchObject({ code: 0, stderr: '' });
    const unitIds = unitIdsOf(COMMUNES);
    await waitFor(
      'the unit workflows',
      async () => (await service.core.unitStatuses(CYCLE, unitIds, { deadlineMs: 60_000 })).size === COMMUNES,
      10 * 60_000,
      1_000,
    );
  });

  afterAll(async () => {
    await service?.teardown();
  });

  it('records each intended submission exactly once', async () => {
    const url = service.host.url;
    const unitIds = unitIdsOf(COMMUNES);
    // Two renderings per unit: two deliberate submissions (their request ids differ).
    const forms: { unitId: string; form: OpenedForm; n: number }[] = [];
    await inPool(unitIds, 10, async (unitId) => {
      const token = linkToken({ ...CYCLE, unitId, obligationId: 'ke-hoach' });
      for (const n of [1, 2]) forms.push({ unitId, form: await openForm(url, token), n });
    });
    expect(forms).toHaveLength(2 * COMMUNES);
    const parts = (unitId: string, n: number): FormPart[] => [
      ['documentNumber', `${n}/KH-UBND`],
      ['submittedBy', 'Nguyễn Thị Hoà'],
      [
        'files',
        {
          filename: `ke-hoach-${unitId}-${n}.pdf`,
          content: Buffer.concat([SAMPLES.pdf, Buffer.from(`${unitId} ${n}`)]),
        },
      ],
    ];
    // Every post at once; every fourth also posted again at the same time (a double click, a retried request).
    const posts = forms.flatMap(({ unitId, form, n }, i) => {
      // A person whose page says the system did not answer (503), or to wait a minute (429, the per-link limit that
      // those retries reach), presses again later: the same form, the same request id.
      const post = async () => {
        const first = await postForm(url, form, parts(unitId, n));
        let answer = first;
        for (let again = 0; (answer.status === 503 || answer.status === 429) && again < 40; again++) {
          await new Promise((resolve) => setTimeout(resolve, 5_000));
          answer = await postForm(url, form, parts(unitId, n));
        }
        return { ...answer, first: first.status };
      };
      return i % 4 === 0 ? [post(), post()] : [post()];
    });
    const answers = await Promise.all(posts);
    const statuses = new Map<number, number>();
    for (const answer of answers) statuses.set(answer.first, (statuses.get(answer.first) ?? 0) + 1);
    const failed = answers.filter((a) => a.status !== 200);
    expect(failed.map((a) => [a.status, a.html.slice(0, 300)])).toEqual([]);

    const units = await service.core.unitStatuses(CYCLE, unitIds, { deadlineMs: 120_000 });
    const versions = [...units.values()].map((status) => {
      const obligation = status.obligations.find((o) => o.id === 'ke-hoach');
      return (obligation?.submissions ?? []).map((s) => s.documentNumber ?? '').sort();
    });
    expect(versions).toEqual(unitIds.map(() => ['1/KH-UBND', '2/KH-UBND']));
    const fileRows = await service.database.db
      .selectFrom('fileRecords')
      .select(['unitId', 'submissionId', 'filename'])
      .where('cycleId', '=', `${CYCLE.planId}/${CYCLE.year}`)
      .execute();
    const perSubmission = new Map<string, number>();
    for (const row of fileRows) {
      const key = `${row.unitId} ${row.submissionId} ${row.filename}`;
      perSubmission.set(key, (perSubmission.get(key) ?? 0) + 1);
    }
    const doubled = [...perSubmission.entries()].filter(([, count]) => count > 1);
    report(
      'concurrent-submissions',
      `${forms.length} submissions + ${answers.length - forms.length} retried posts at once: ` +
        `first answers ${[...statuses.entries()].map(([s, c]) => `${c}×${s}`).join(', ')} (a 503 or 429 posted again); ` +
        `${versions.flat().length} versions recorded, ${fileRows.length} file records, ${doubled.length} doubled`,
    );
    expect(doubled).toEqual([]);
    expect(perSubmission.size).toBe(2 * COMMUNES);
  });
});
