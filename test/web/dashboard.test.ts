import type { FastifyInstance } from 'fastify';
import type { ConsolidatedReport } from '../../domain/report/consolidated-report';
import { CycleReader } from '../../web/cycles/cycle-reader';
import { matrixCsvChunks } from '../../web/cycles/matrix-csv';
import { getStatusQuery } from '../../workflows/unit-messages';
import { startSmallCycle, startTestStack, testCore, type TestStack } from '../helpers/stack';
import { SAMPLES } from './file-samples';
import { buildTestApp, csrfOf, login, multipart, type WebApp } from './web-harness';

const BASE = '/cycles/cycle-small/2031';
const API = '/api/v1/cycles/cycle-small/2031';

describe('dashboard, actions, CSV, JSON API and /healthz (dev server, real worker)', () => {
  let stack: TestStack;
  let web: WebApp;
  let app: FastifyInstance;
  let session: { cookies: Record<string, string>; csrf: string };

  const get = (url: string) => app.inject({ method: 'GET', url, cookies: session.cookies });
  const post = (url: string, payload: Record<string, string>) =>
    app.inject({ method: 'POST', url, cookies: session.cookies, payload: { _csrf: session.csrf, ...payload } });
  const unitStatus = (unitId: string) =>
    stack.client.workflow.getHandle(`dondoc/cycle-small/2031/${unitId}`).query(getStatusQuery);

  beforeAll(async () => {
    stack = await startTestStack();
    await startSmallCycle(stack);
    web = await buildTestApp(stack, { pageSize: 2, statusCacheMs: 0 });
    app = web.app;
    session = await login(app);
    // xa-dong submits through its link, with a file the dashboard can serve.
    const token = web.token({ planId: 'cycle-small', year: 2031, unitId: 'xa-dong', obligationId: 'ke-hoach' });
    const page = await app.inject({ method: 'GET', url: `/s/${token}`, cookies: session.cookies });
    const form = await multipart([
      ['_csrf', csrfOf(page.body)],
      ['files', { filename: 'kế hoạch.pdf', content: SAMPLES.pdf }],
      ['submittedBy', 'Văn thư xã Đông'],
    ]);
    const sent = await app.inject({ method: 'POST', url: `/s/${token}`, cookies: session.cookies, ...form });
    expect(sent.statusCode).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  it('/healthz is 200 with a polling worker, 503 when nothing polls the task queue', async () => {
    const ok = await app.inject({ method: 'GET', url: '/healthz' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'ok', temporal: 'ok' });
    const idle = await buildTestApp(stack, { taskQueue: 'nobody-polls-this' });
    const none = await idle.app.inject({ method: 'GET', url: '/healthz' });
    expect(none.statusCode).toBe(503);
    expect(none.json()).toMatchObject({ temporal: 'ok', reason: 'no worker polls "nobody-polls-this"' });
    await idle.app.close();
    const down = await buildTestApp(undefined);
    const unreachable = await down.app.inject({ method: 'GET', url: '/healthz' });
    expect(unreachable.statusCode).toBe(503);
    expect(unreachable.json()).toMatchObject({ temporal: 'unreachable' });
    await down.app.close();
  });

  it('lists the cycles known to Temporal', async () => {
    const deadline = Date.now() + 10_000;
    let body = '';
    while (!body.includes(`href="${BASE}"`) && Date.now() < deadline) {
      body = (await get('/cycles')).body; // visibility is eventually consistent
      if (!body.includes(`href="${BASE}"`)) await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(body).toContain(`href="${BASE}"`);
    expect(body).toContain('Đang theo dõi');
  });

  it('shows the matrix with state colours and due dates, paged and filtered on the server', async () => {
    const first = await get(BASE);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Phòng Nội vụ huyện');
    expect(first.body).toContain('UBND xã Đông');
    expect(first.body).not.toContain('UBND xã Tây');
    expect(first.body).toContain('Trang 1/2 (3 đơn vị)');
    expect(first.body).toContain('class="s-submitted-on-time">Đã nộp đúng hạn<br><small>Hạn 17/03/2031');
    const second = await get(`${BASE}?page=2`);
    expect(second.body).toContain('UBND xã Tây');
    const communes = await get(`${BASE}?kind=commune`);
    expect(communes.body).toContain('Trang 1/1 (2 đơn vị)');
    expect(communes.body).not.toContain('Phòng Nội vụ huyện');
    const submitted = await get(`${BASE}?state=submitted-on-time`);
    expect(submitted.body).toContain('(1 đơn vị)');
    expect(submitted.body).toContain('UBND xã Đông');
  });

  it('shows a unit with its submissions (files downloadable from here only) and notifications', async () => {
    const page = await get(`${BASE}/units/xa-dong`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Văn thư xã Đông');
    expect(page.body).toContain('Thông báo đã gửi');
    const href = /href="([^"]+\/files\/[0-9a-f]{64})"/.exec(page.body)?.[1];
    expect(href).toBeDefined();
    const file = await get(href ?? '');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain("filename*=UTF-8''k%E1%BA%BF%20ho%E1%BA%A1ch.pdf");
    expect(file.rawPayload.equals(SAMPLES.pdf)).toBe(true);
    const anonymous = await app.inject({ method: 'GET', url: href ?? '' });
    expect(anonymous.statusCode).toBe(303);
    const otherUnit = await get((href ?? '').replace('/xa-dong/', '/xa-tay/'));
    expect(otherUnit.statusCode).toBe(404);
  });

  it('refuses every unit action without the right CSRF token, form or multipart (403): the workflow is unchanged', async () => {
    const before = await unitStatus('xa-tay');
    const mailsBefore = stack.channels.smtp.messages().length;
    const wrong = `${session.csrf.slice(0, -2)}${session.csrf.endsWith('AA') ? 'BB' : 'AA'}`;
    const actions: [string, Record<string, string>][] = [
      ['paper', { receivedAt: '2031-05-02T08:00', submittedBy: 'Kẻ giả mạo' }],
      ['extend', { newDueDate: '2031-12-31', reason: 'Giả mạo' }],
      ['waive', { reason: 'Giả mạo' }],
      ['resend', {}],
    ];
    for (const [action, fields] of actions) {
      const url = `${BASE}/units/xa-tay/obligations/bao-cao/${action}`;
      const inject = (extra: object) => app.inject({ method: 'POST', url, cookies: session.cookies, ...extra });
      const answers = [
        await inject({ payload: fields }),
        await inject({ payload: { ...fields, _csrf: wrong } }),
        await inject(await multipart([['_csrf', wrong], ...Object.entries(fields)])),
        await inject(await multipart([['_csrf', session.csrf], ...Object.entries(fields)])),
      ];
      expect([action, answers.map((answer) => answer.statusCode)]).toEqual([action, [403, 403, 403, 403]]);
    }
    expect(await unitStatus('xa-tay')).toEqual(before);
    expect(stack.channels.smtp.messages().length).toBe(mailsBefore);
  });

  it('records a paper submission, extends and waives through the workflows; refusals show the reason', async () => {
    const unit = `${BASE}/units/xa-tay/obligations`;
    const paper = await post(`${unit}/ke-hoach/paper`, {
      receivedAt: '2026-01-05T09:30',
      documentNumber: '12/KH-UBND',
    });
    expect(paper.statusCode).toBe(303);
    expect(paper.headers.location).toBe(`${BASE}/units/xa-tay?done=paper`);
    const extend = await post(`${unit}/bao-cao/extend`, { newDueDate: '2031-06-02', reason: 'Bão lũ' });
    expect(extend.statusCode).toBe(303);
    const waive = await post(`${BASE}/units/phong-noi-vu/obligations/ke-hoach/waive`, { reason: 'Cơ quan chủ trì' });
    expect(waive.statusCode).toBe(303);
    const tay = await unitStatus('xa-tay');
    const [paperSubmission] = tay.obligations.find((o) => o.id === 'ke-hoach')?.submissions ?? [];
    expect(paperSubmission).toMatchObject({ channel: 'paper', documentNumber: '12/KH-UBND' });
    expect(Date.parse(paperSubmission?.submittedAt ?? '')).toBe(Date.parse('2026-01-05T09:30:00+07:00'));
    expect(tay.obligations.find((o) => o.id === 'bao-cao')).toMatchObject({ dueDate: '2031-06-02' });
    expect((await unitStatus('phong-noi-vu')).obligations[0]).toMatchObject({ state: 'waived' });
    const again = await post(`${BASE}/units/phong-noi-vu/obligations/ke-hoach/waive`, { reason: 'Lần nữa' });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('đã được miễn');
    const page = await get(`${BASE}/units/xa-tay?done=extend`);
    expect(page.body).toContain('Đã gia hạn.');
    expect(page.body).toContain('Bão lũ');
  });

  it('resends a reminder to the unit at once, as Phòng Nội vụ asked, and refuses it for a resolved obligation', async () => {
    const resend = await post(`${BASE}/units/xa-tay/obligations/bao-cao/resend`, {});
    expect(resend.statusCode).toBe(303);
    expect(resend.headers.location).toBe(`${BASE}/units/xa-tay?done=resend`);
    const deadline = Date.now() + 20_000;
    let mail: ReturnType<typeof stack.channels.smtp.messages>[number] | undefined;
    while (!mail && Date.now() < deadline) {
      mail = stack.channels.smtp
        .messages()
        .find(
          (m) =>
            m.parsed.headers.get('x-dondoc-unit') === 'xa-tay' && m.parsed.headers.get('x-dondoc-kind') === 'reminder',
        );
      if (!mail) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(mail?.parsed.headers.get('x-dondoc-obligation')).toBe('bao-cao');
    expect(mail?.parsed.text).toMatch(/còn \d+ ngày làm việc/);
    const refused = await post(`${BASE}/units/phong-noi-vu/obligations/ke-hoach/resend`, {});
    expect(refused.statusCode).toBe(422);
  });

  it('exports the matrix as CSV for Excel (UTF-8 BOM, CRLF)', async () => {
    const csv = await get(`${BASE}/export.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('cycle-small-2031.csv');
    const text = csv.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFFMã đơn vị,Đơn vị,Xây dựng kế hoạch triển khai — hạn,')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^phong-noi-vu,Phòng Nội vụ huyện,2031-03-17,Được miễn,,,Không áp dụng,$/);
    expect(lines[2]).toMatch(/^xa-dong,UBND xã Đông,2031-03-17,Đã nộp đúng hạn,20\d\d-.+,2031-05-12,Chưa đến hạn,$/);
    // Read a batch of units at a time (100 in the route), the document is the same.
    const view = await app.cycles.cycle({ planId: 'cycle-small', year: 2031 });
    let batched = '';
    for await (const chunk of matrixCsvChunks(app.cycles, view, {}, 1)) batched += chunk;
    expect(batched).toBe(text);
    // The reader's own batches (100 units) answer as one read of every unit.
    const oneByOne = new CycleReader({ core: stack.core, deadlineMs: 10_000, cacheMs: 0, batchUnits: 1 });
    const ref = { planId: 'cycle-small', year: 2031 };
    expect(await oneByOne.units(ref, view.status.unitIds)).toEqual(
      await stack.core.unitStatuses(ref, view.status.unitIds),
    );
    // Filtered by state, batch by batch: only the units with an obligation in that state.
    const waived = (await get(`${BASE}/export.csv?state=waived`)).rawPayload.toString('utf8').split('\r\n');
    expect(waived.map((line) => line.split(',')[0])).toEqual(['\uFEFFMã đơn vị', 'phong-noi-vu', '']);
    let waivedBatched = '';
    for await (const chunk of matrixCsvChunks(app.cycles, view, { state: 'waived' }, 1)) waivedBatched += chunk;
    expect(waivedBatched.split('\r\n')).toEqual(waived);
  });

  it('lists every stored report version, marks one made before a later submission stale, and makes one now', async () => {
    const cycleId = 'cycle-small/2031';
    // A version made before xa-dong submitted its plan (stale), and one of the report, after every submission so far.
    await stack.core.reports.save({
      cycleId,
      name: 'ke-hoach-202501010800.csv',
      contentType: 'text/csv',
      content: 'a',
    });
    await stack.core.reports.save({ cycleId, name: 'bao-cao-203105140800.csv', contentType: 'text/csv', content: 'b' });
    await stack.core.reports.save({
      cycleId,
      name: 'bao-cao-203105140800.html',
      contentType: 'text/html; charset=utf-8',
      content: '<p>b</p>',
    });
    const page = await get(`${BASE}/reports`);
    expect(page.statusCode).toBe(200);
    const section = (id: string) =>
      page.body.slice(page.body.indexOf(`id="report-${id}"`)).split('</section>')[0] ?? '';
    expect(section('bao-cao')).toContain('Mới nhất');
    expect(section('bao-cao')).toContain(`href="${BASE}/reports/bao-cao-203105140800.csv"`);
    expect(section('bao-cao')).toContain('14/05/2031 08:00');
    expect(section('ke-hoach')).toContain('Đã cũ');
    expect((await get(`${BASE}`)).body).toContain(`href="${BASE}/reports"`);

    const stored = await get(`${BASE}/reports/bao-cao-203105140800.html`);
    expect(stored.statusCode).toBe(200);
    expect(stored.headers['content-security-policy']).toContain("default-src 'none'; style-src 'unsafe-inline'");
    expect((await get(`${BASE}/reports/bao-cao-203105140800.docx`)).statusCode).toBe(404);

    const live = await get(`${BASE}/reports/live/bao-cao/csv`);
    expect(live.statusCode).toBe(200);
    expect(live.headers['content-disposition']).toBe('attachment; filename="bao-cao-2031-hien-tai.csv"');
    expect(live.rawPayload.toString('utf8')).toContain('xa-tay,UBND xã Tây,Chưa đến hạn,02/06/2031');
    // Last year's stored report (an older JSON form without field types) is compared against, by field key.
    const lastYear = {
      fields: [{ key: 'so-mo-hinh', label: 'Số mô hình' }],
      rows: [
        {
          unit: { id: 'xa-dong', name: 'UBND xã Đông' },
          status: 'late',
          dueDate: '2030-05-10',
          values: { 'so-mo-hinh': 1 },
        },
      ],
      obligationId: 'bao-cao',
    };
    await stack.core.reports.save({
      cycleId: 'cycle-small/2030',
      name: 'bao-cao-203005140800.json',
      contentType: 'application/json',
      content: JSON.stringify(lastYear),
    });
    const json = (await get(`${BASE}/reports/live/bao-cao/json`)).json<ConsolidatedReport>();
    expect(json.comparisons).toEqual([
      {
        basis: 'previous-year',
        against: { planId: 'cycle-small', year: 2030, obligationId: 'bao-cao', obligationTitle: 'bao-cao' },
        counts: { total: 1, onTime: 0, late: 1, missing: 0, waived: 0, notYetDue: 0, onTimeRate: 0 },
        changes: [{ key: 'so-mo-hinh', label: 'Số mô hình "Dân vận khéo"', kind: 'sum', previous: 1 }],
      },
    ]);
    const html = await get(`${BASE}/reports/live/bao-cao/html`);
    expect(html.body).toContain('<h1>Tổng hợp báo cáo kết quả 6 tháng năm 2031</h1>');
    expect((await get(`${BASE}/reports/live/bao-cao/pdf`)).statusCode).toBe(404);
  });

  it('lists overdue obligations (none in a future cycle)', async () => {
    const page = await get(`${BASE}/overdue`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Không có đơn vị nào quá hạn.');
  });

  it('lists overdue obligations from the units visibility picks, the same as reading every unit', async () => {
    // A year later by the core's clock: every unsubmitted obligation of 2031 is overdue.
    const now = () => Date.parse('2032-03-01T03:00:00Z');
    const core = testCore({
      client: stack.client,
      taskQueue: stack.taskQueue,
      dataDir: stack.dataDir,
      db: stack.db,
      now,
    });
    const later = await buildTestApp(stack, { core, statusCacheMs: 0 });
    const laterSession = await login(later.app);
    try {
      const ref = { planId: 'cycle-small', year: 2031 };
      const unitIds = (await core.cycleStatus(ref)).unitIds;
      // Visibility is eventually consistent: wait until every unit has published its attributes.
      const deadline = Date.now() + 30_000;
      let picked = await core.overdueCandidates(ref, unitIds);
      while (!picked.fromVisibility && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        picked = await core.overdueCandidates(ref, unitIds);
      }
      expect(picked.fromVisibility).toBe(true);
      // A unit that has not published its attributes (not started yet, or a cycle started without them): every unit.
      const unpublished = await core.overdueCandidates(ref, [...unitIds, 'xa-chua-chay']);
      expect(unpublished).toEqual({ unitIds: [...unitIds, 'xa-chua-chay'], fromVisibility: false });
      const every = [...(await core.unitStatuses(ref, unitIds)).values()];
      const expected = every
        .flatMap((unit) => unit.obligations.filter((o) => o.state === 'overdue').map((o) => ({ unit, o })))
        .sort(
          (a, b) => a.o.dueDate.localeCompare(b.o.dueDate) || a.unit.unit.name.localeCompare(b.unit.unit.name, 'vi'),
        )
        .map(({ unit, o }) => `${unit.unit.name} | ${o.title}`);
      expect(expected.length).toBeGreaterThan(1);
      const page = await later.app.inject({ method: 'GET', url: `${BASE}/overdue`, cookies: laterSession.cookies });
      expect(page.statusCode).toBe(200);
      const shown = [
        ...page.body.matchAll(/<tr class="s-overdue"><td><a [^>]+>([^<]+)<\/a><\/td><td>([^<]+)<\/td>/g),
      ].map((m) => `${m[1]} | ${m[2]}`);
      expect(shown).toEqual(expected);
    } finally {
      await later.app.close();
    }
  });

  it('answers the JSON API with a bearer token: cycle, unit, submissions (201 receipt, 422 refusal)', async () => {
    const bearer = { authorization: `Bearer ${web.apiToken}` };
    const cycle = await app.inject({ method: 'GET', url: API, headers: bearer });
    expect(cycle.statusCode).toBe(200);
    expect(cycle.json()).toMatchObject({
      planId: 'cycle-small',
      year: 2031,
      unitIds: ['phong-noi-vu', 'xa-dong', 'xa-tay'],
    });
    const unit = await app.inject({ method: 'GET', url: `${API}/units/xa-dong`, headers: bearer });
    expect(unit.json()).toMatchObject({ unit: { id: 'xa-dong', name: 'UBND xã Đông' } });
    const missing = await app.inject({ method: 'GET', url: `${API}/units/xa-nam`, headers: bearer });
    expect(missing.statusCode).toBe(404);

    const url = `${API}/units/xa-dong/obligations/bao-cao/submissions`;
    const refused = await app.inject({
      method: 'POST',
      url,
      headers: bearer,
      payload: { values: { 'so-mo-hinh': -1 } },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ error: '«Số mô hình "Dân vận khéo"» không được nhỏ hơn 0' });
    const bad = await app.inject({ method: 'POST', url, headers: bearer, payload: { files: [] } });
    expect(bad.statusCode).toBe(400);
    const accepted = await app.inject({
      method: 'POST',
      url,
      headers: bearer,
      payload: { values: { 'so-mo-hinh': 5 }, submittedBy: 'Hệ thống một cửa' },
    });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toMatchObject({ obligationId: 'bao-cao', version: 1, timeliness: 'on-time' });
    // The submission records which token made it.
    const recorded = await unitStatus('xa-dong');
    const submissions = recorded.obligations.find((o) => o.id === 'bao-cao')?.submissions ?? [];
    expect(submissions.at(-1)).toMatchObject({ channel: 'api', tokenId: web.apiToken.split('_')[1] });
    const noToken = await app.inject({ method: 'POST', url, payload: { values: { 'so-mo-hinh': 5 } } });
    expect(noToken.statusCode).toBe(401);
    const viaSession = await get(API);
    expect(viaSession.statusCode).toBe(200);
  });
});
