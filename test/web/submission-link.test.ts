import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createLocalBlobStore } from '../../storage/blob-store/local-blob-store';
import { sweepBlobs } from '../../storage/blob-sweep';
import { startWebServer } from '../../web/server';
import { getStatusQuery } from '../../workflows/unit-messages';
import { startSmallCycle, startTestStack, type TestStack } from '../helpers/stack';
import { SAMPLES } from './file-samples';
import { buildTestApp, cookiesOf, csrfOf, multipart, storedFiles, type FormPart, type WebApp } from './web-harness';

const CLAIMS = { planId: 'cycle-small', year: 2031, unitId: 'xa-dong', obligationId: 'bao-cao' };
const STACK_TRACE = /\n\s+at /;

describe('submission links /s/<token> (dev server, real worker)', () => {
  let stack: TestStack;
  let web: WebApp;
  let app: FastifyInstance;

  /** The files submissions recorded (a refused submission records none; its blobs wait for the sweep). */
  const fileRecords = () =>
    stack.db.selectFrom('fileRecords').select(['unitId', 'filename', 'sha256']).orderBy('id').execute();
  /** `<shard>/<sha>` of some bytes: where the local blob store would keep them. */
  const storedPath = (content: Buffer) => {
    const sha = createHash('sha256').update(content).digest('hex');
    return `${sha.slice(0, 2)}/${sha}`;
  };

  const unitStatus = (unitId: string) =>
    stack.client.workflow.getHandle(`dondoc/cycle-small/2031/${unitId}`).query(getStatusQuery);

  /** Opens the link page like a browser: its CSRF cookie and token. */
  async function open(token: string) {
    const page = await app.inject({ method: 'GET', url: `/s/${token}` });
    expect(page.statusCode).toBe(200);
    return { cookies: cookiesOf(page), csrf: csrfOf(page.body), body: page.body };
  }

  async function submit(token: string, parts: FormPart[], session?: { cookies: Record<string, string>; csrf: string }) {
    const browser = session ?? (await open(token));
    const body = await multipart([['_csrf', browser.csrf], ...parts]);
    return app.inject({ method: 'POST', url: `/s/${token}`, cookies: browser.cookies, ...body });
  }

  beforeAll(async () => {
    stack = await startTestStack();
    await startSmallCycle(stack);
    web = await buildTestApp(stack, { maxFileBytes: 64 * 1024, maxFiles: 2 });
    app = web.app;
  });
  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  it('shows the plan, the unit, the obligation, its due date and state, and the plan form', async () => {
    const { body } = await open(web.token(CLAIMS));
    expect(body).toContain('Báo cáo kết quả 6 tháng');
    expect(body).toContain('UBND xã Đông');
    expect(body).toContain('Kế hoạch thử nghiệm chu kỳ năm 2031');
    expect(body).toContain('Thứ Hai 12/05/2031');
    expect(body).toContain('Chưa đến hạn');
    expect(body).toContain('Số mô hình &quot;Dân vận khéo&quot; *');
    expect(body).toContain('name="v.ket-qua"');
    expect(body).toContain('name="viewport"');
  });

  it('refuses garbage (400), a changed claim or signature (403) and an expired link (410), changing nothing', async () => {
    const token = web.token(CLAIMS);
    const [version, body, signature] = token.split('.') as [string, string, string];
    const otherUnit = Buffer.from(JSON.stringify(['cycle-small', 2031, 'xa-tay', 'bao-cao', 9999999999])).toString(
      'base64url',
    );
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    const expired = web.token({ ...CLAIMS, exp: Math.floor(Date.now() / 1000) - 1 });
    const cases: [string, number, string][] = [
      ['garbage', 400, 'Liên kết nộp văn bản không đúng dạng'],
      [`${version}.${otherUnit}.${signature}`, 403, 'đã bị thay đổi'],
      [`${version}.${body}.${flipped}`, 403, 'đã bị thay đổi'],
      [expired, 410, 'Liên kết đã hết hạn'],
    ];
    const before = await unitStatus('xa-tay');
    const browser = await open(token); // a valid CSRF cookie and token: only the link is wrong
    for (const [bad, status, text] of cases) {
      const page = await app.inject({ method: 'GET', url: `/s/${bad}` });
      expect(page.statusCode).toBe(status);
      expect(page.body).toContain(text);
      const post = await submit(
        bad,
        [
          ['submittedBy', 'Kẻ lạ'],
          ['v.so-mo-hinh', '1'],
        ],
        browser,
      );
      expect(post.statusCode).toBe(status);
      expect(post.body).not.toMatch(STACK_TRACE);
    }
    expect(await unitStatus('xa-tay')).toEqual(before);
    expect((await unitStatus('xa-dong')).obligations.every((o) => o.submissions.length === 0)).toBe(true);
  });

  it('refuses a POST without the CSRF field first (403), storing nothing', async () => {
    const token = web.token(CLAIMS);
    const { cookies } = await open(token);
    const form = await multipart([
      ['files', { filename: 'a.pdf', content: SAMPLES.pdf }],
      ['submittedBy', 'A'],
    ]);
    const response = await app.inject({ method: 'POST', url: `/s/${token}`, cookies, ...form });
    expect(response.statusCode).toBe(403);
    expect(await storedFiles(stack.dataDir)).toEqual([]);
  });

  it('refuses a multipart POST whose CSRF field is wrong or from another browser (403): nothing stored or recorded', async () => {
    const token = web.token(CLAIMS);
    const { cookies, csrf } = await open(token);
    const other = await open(token);
    const before = await unitStatus('xa-dong');
    const parts = (value: string): FormPart[] => [
      ['_csrf', value],
      ['files', { filename: 'a.pdf', content: SAMPLES.pdf }],
      ['submittedBy', 'Kẻ giả mạo'],
      ['v.so-mo-hinh', '1'],
    ];
    for (const [jar, value] of [
      [cookies, `${csrf.slice(0, -2)}${csrf.endsWith('AA') ? 'BB' : 'AA'}`],
      [cookies, ''],
      [other.cookies, csrf],
    ] as const) {
      const response = await app.inject({
        method: 'POST',
        url: `/s/${token}`,
        cookies: jar,
        ...(await multipart(parts(value))),
      });
      expect(response.statusCode).toBe(403);
      expect(response.body).toContain('Biểu mẫu không hợp lệ');
    }
    expect(await storedFiles(stack.dataDir)).toEqual([]);
    expect(await fileRecords()).toEqual([]);
    expect(await unitStatus('xa-dong')).toEqual(before);
  });

  it('cuts an upload that stops arriving at requestTimeout (408): no submission, no file recorded', async () => {
    const slow = await buildTestApp(stack, { requestTimeoutMs: 1500 });
    const server = await startWebServer(slow.app, { host: '127.0.0.1', port: 0 });
    try {
      const token = slow.token(CLAIMS);
      const page = await slow.app.inject({ method: 'GET', url: `/s/${token}` });
      const cookie = Object.entries(cookiesOf(page))
        .map(([name, value]) => `${name}=${value}`)
        .join('; ');
      const before = { status: await unitStatus('xa-dong'), records: await fileRecords() };
      const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
      const answer = new Promise<string>((resolve) => {
        let text = '';
        socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
        socket.on('close', () => resolve(text));
      });
      // The CSRF field, then the first bytes of a file, then nothing: the link is valid, the body never ends.
      socket.write(
        `POST /s/${token} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${cookie}\r\n` +
          'Content-Type: multipart/form-data; boundary=B\r\nContent-Length: 10000000\r\n\r\n' +
          `--B\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrfOf(page.body)}\r\n` +
          '--B\r\nContent-Disposition: form-data; name="files"; filename="cham.pdf"\r\n' +
          'Content-Type: application/pdf\r\n\r\n%PDF-1.4\n',
      );
      expect(await answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(await fileRecords()).toEqual(before.records);
      expect(await unitStatus('xa-dong')).toEqual(before.status);
    } finally {
      await server.close();
    }
  });

  it('refuses a file over the size limit (413) or more files than allowed, recording no file', async () => {
    const token = web.token(CLAIMS);
    const big = Buffer.concat([SAMPLES.pdf, Buffer.alloc(70 * 1024, 0x20)]);
    const tooLarge = await submit(token, [
      ['files', { filename: 'nho.pdf', content: Buffer.from('%PDF-1.4 nhỏ') }],
      ['files', { filename: 'lon.pdf', content: big }],
      ['submittedBy', 'Văn thư'],
      ['v.so-mo-hinh', '2'],
    ]);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.body).toContain('Mỗi tệp không được quá');
    const tooMany = await submit(token, [
      ['files', { filename: 'a.pdf', content: Buffer.from('%PDF-1.4 a') }],
      ['files', { filename: 'b.pdf', content: Buffer.from('%PDF-1.4 b') }],
      ['files', { filename: 'c.pdf', content: Buffer.from('%PDF-1.4 c') }],
      ['submittedBy', 'Văn thư'],
    ]);
    expect(tooMany.statusCode).toBe(413);
    expect(await storedFiles(stack.dataDir)).not.toContain(storedPath(big)); // a refused stream leaves nothing
    expect(await fileRecords()).toEqual([]);
    expect((await unitStatus('xa-dong')).obligations.find((o) => o.id === 'bao-cao')?.submissions).toEqual([]);
  });

  it('refuses a .pdf that is really a PNG or a program (415), storing neither', async () => {
    const token = web.token(CLAIMS);
    for (const content of [SAMPLES.png, SAMPLES.exe]) {
      const response = await submit(token, [
        ['files', { filename: 'ok.docx', content: SAMPLES.docx }],
        ['files', { filename: 'bao-cao.pdf', content }],
        ['submittedBy', 'Văn thư'],
        ['v.so-mo-hinh', '2'],
      ]);
      expect(response.statusCode).toBe(415);
      expect(response.body).toContain('Tệp «bao-cao.pdf» không được chấp nhận');
    }
    const stored = await storedFiles(stack.dataDir);
    expect(stored).not.toContain(storedPath(SAMPLES.png));
    expect(stored).not.toContain(storedPath(SAMPLES.exe));
    expect(await fileRecords()).toEqual([]);
  });

  it('shows form errors next to their fields and keeps what was typed (422), recording no file', async () => {
    const response = await submit(web.token(CLAIMS), [
      ['documentNumber', '45/BC-UBND'],
      ['files', { filename: 'bao-cao.pdf', content: SAMPLES.pdf }],
      ['v.so-mo-hinh', '-3'],
      ['v.ket-qua', 'Đạt <b>tốt</b>'],
      ['submittedBy', ''],
    ]);
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('«Số mô hình &quot;Dân vận khéo&quot;» không được nhỏ hơn 0');
    expect(response.body).toContain('Cần ghi họ tên người nộp');
    expect(response.body).toContain('value="45/BC-UBND"');
    expect(response.body).toContain('value="-3"');
    expect(response.body).toContain('Đạt &lt;b&gt;tốt&lt;/b&gt;</textarea>');
    expect(await fileRecords()).toEqual([]);
  });

  it('shows the workflow’s own refusal on the page (422), never a stack trace', async () => {
    const response = await submit(web.token(CLAIMS), [
      ['documentNumber', 'không-phải-số'],
      ['v.so-mo-hinh', '2'],
      ['submittedBy', 'Văn thư'],
      ['files', { filename: 'bao-cao.pdf', content: SAMPLES.pdf }],
    ]);
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('Số văn bản «không-phải-số» không đúng dạng, ví dụ 45/BC-UBND');
    expect(response.body).not.toMatch(STACK_TRACE);
    // Recorded before the workflow was asked, removed once it surely refused.
    expect(await fileRecords()).toEqual([]);
  });

  it('accepts a valid submission: the receipt says đúng hạn, the files are stored by sha256', async () => {
    const response = await submit(web.token(CLAIMS), [
      ['documentNumber', '45/BC-UBND'],
      ['documentDate', '2031-05-02'],
      ['files', { filename: 'báo cáo xã Đông.pdf', content: SAMPLES.pdf }],
      ['files', { filename: 'phụ lục.docx', content: SAMPLES.docx }],
      ['v.so-mo-hinh', '3'],
      ['v.ket-qua', 'Hoàn thành'],
      ['submittedBy', 'Nguyễn Thị Văn Thư'],
    ]);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Đã nhận văn bản — đúng hạn');
    expect(response.body).toContain('Thứ Hai 12/05/2031');
    expect(response.body).toContain('Lần nộp thứ 1');
    expect(response.body).toContain('báo cáo xã Đông.pdf');
    expect(await fileRecords()).toEqual([
      { unitId: 'xa-dong', filename: 'báo cáo xã Đông.pdf', sha256: storedPath(SAMPLES.pdf).slice(3) },
      { unitId: 'xa-dong', filename: 'phụ lục.docx', sha256: storedPath(SAMPLES.docx).slice(3) },
    ]);
    // The refused uploads before left blobs nobody references: the sweep takes those, and only those.
    const blobs = createLocalBlobStore(path.join(stack.dataDir, 'files'));
    await sweepBlobs(blobs, stack.db, { olderThanMs: 0 });
    expect(await storedFiles(stack.dataDir)).toEqual([storedPath(SAMPLES.pdf), storedPath(SAMPLES.docx)].sort());
    const [submission] = (await unitStatus('xa-dong')).obligations.find((o) => o.id === 'bao-cao')?.submissions ?? [];
    expect(submission).toMatchObject({
      version: 1,
      channel: 'web',
      values: { 'so-mo-hinh': 3, 'ket-qua': 'Hoàn thành' },
      documentNumber: '45/BC-UBND',
      documentDate: '2031-05-02',
      submittedBy: 'Nguyễn Thị Văn Thư',
      files: [
        { filename: 'báo cáo xã Đông.pdf', contentType: 'application/pdf', size: SAMPLES.pdf.length },
        {
          filename: 'phụ lục.docx',
          contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        },
      ],
    });
  });

  it('a re-submission gets version 2 and shows the earlier one', async () => {
    const token = web.token(CLAIMS);
    const page = await open(token);
    expect(page.body).toContain('Đã nộp đúng hạn');
    expect(page.body).toContain('Lần nộp 1');
    expect(page.body).toContain('Nộp bản cập nhật');
    const response = await submit(
      token,
      [
        ['v.so-mo-hinh', '4'],
        ['submittedBy', 'Nguyễn Thị Văn Thư'],
      ],
      page,
    );
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Lần nộp thứ 2');
    expect(response.body).toContain('Các lần nộp trước');
    expect(response.body).toMatch(/Lần nộp 1 — \d\d:\d\d/);
    expect(response.body).toContain('báo cáo xã Đông.pdf');
  });

  it('records a form sent twice (a double click, a retried POST) once: its request id makes it one Update', async () => {
    const token = web.token(CLAIMS);
    const page = await open(token);
    const requestId = /name="requestId" value="([^"]+)"/.exec(page.body)?.[1];
    expect(requestId).toBeDefined();
    const parts: FormPart[] = [
      ['requestId', requestId ?? ''],
      ['v.so-mo-hinh', '5'],
      ['submittedBy', 'Nguyễn Thị Văn Thư'],
    ];
    const first = await submit(token, parts, page);
    const again = await submit(token, parts, page);
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(first.body).toContain('Lần nộp thứ 3');
    expect(again.body).toContain('Lần nộp thứ 3');
    const submissions = (await unitStatus('xa-dong')).obligations.find((o) => o.id === 'bao-cao')?.submissions;
    expect(submissions?.map((s) => s.version)).toEqual([1, 2, 3]);
  });

  it('requires a file for a document obligation', async () => {
    const response = await submit(web.token({ ...CLAIMS, obligationId: 'ke-hoach' }), [['submittedBy', 'Văn thư']]);
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('Cần đính kèm ít nhất một tệp văn bản');
  });
});
