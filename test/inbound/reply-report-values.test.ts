import { Workbook } from 'exceljs';
import type { ParsedMail } from 'mailparser';
import { formTemplateXlsx } from '../../channels/email/form-template';
import { parseFormXlsx } from '../../channels/email/form-template-parse';
import { buildTestApp, cookiesOf, csrfOf, multipart } from '../web/web-harness';
import { PDF, startInboundHarness, XA_DONG, XA_TAY, type InboundHarness } from './inbound-harness';

/** The template the reminder attached, filled the way Excel saves it back (`;`, BOM kept). */
function filledCsv(reminder: ParsedMail, values: Record<string, string>): Buffer {
  const template = reminder.attachments.find((a) => a.filename === 'bieu-mau-bao-cao.csv');
  if (!template) throw new Error('the reminder has no form template');
  const lines = template.content.toString('utf8').split('\r\n');
  const filled = lines.map((line) => {
    const key = line.split(';')[0] ?? '';
    return key in values ? `${line}${values[key]}` : line;
  });
  return Buffer.from(filled.join('\r\n'), 'utf8');
}

async function filledXlsx(reminder: ParsedMail, values: Record<string, string | number>): Promise<Buffer> {
  const fields = [
    { key: 'so-mo-hinh', label: 'Số mô hình "Dân vận khéo"', type: 'integer' as const, min: 0, required: true },
    { key: 'ket-qua', label: 'Kết quả đạt được', type: 'text' as const, required: false },
  ];
  const workbook = new Workbook();
  await workbook.xlsx.load((await formTemplateXlsx(fields, reminder.subject ?? '')) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  sheet.eachRow((row) => {
    const key = row.getCell(1).value;
    if (typeof key === 'string' && key in values) row.getCell(4).value = values[key]!;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('submit a report by replying: values from the attached form template', () => {
  let h: InboundHarness;
  const baoCaoReminder = (address: string): ParsedMail =>
    h.sent('reminder', address).find((m) => m.headers.get('x-dondoc-obligation') === 'bao-cao')!;
  const baoCao = async (unitId: string) =>
    (await h.cycle.core.unitStatus(h.cycle.input.cycle, unitId)).obligations.find((o) => o.id === 'bao-cao')!;

  beforeAll(async () => {
    h = await startInboundHarness();
    // bao-cao (the communes' report) is first reminded on 05/05 at 08:00.
    await h.cycle.sleepUntil('2031-05-05T09:00:00+07:00');
    await h.cycle.waitForStatus(() => Boolean(h.sent('reminder', XA_DONG).length >= 2 && baoCaoReminder(XA_TAY)));
  });

  afterAll(async () => {
    await h?.teardown();
  });

  it('attaches the form as a CSV template (UTF-8 with a BOM, one row per field) to the unit’s reminder', () => {
    const template = baoCaoReminder(XA_DONG).attachments.find((a) => a.filename === 'bieu-mau-bao-cao.csv')!;
    const text = template.content.toString('utf8');
    expect(text.startsWith('\uFEFFkey;Nội dung;Kiểu / giới hạn;Giá trị\r\n')).toBe(true);
    expect(text).toContain('so-mo-hinh;"Số mô hình ""Dân vận khéo""";"số nguyên, từ 0, bắt buộc";\r\n');
    expect(text).toContain('ket-qua;Kết quả đạt được;"văn bản, không bắt buộc";\r\n');
  });

  it('keeps the files of a report reply without values and asks for them, submitting nothing', async () => {
    const outcome = await h.reply({
      from: XA_DONG,
      to: baoCaoReminder(XA_DONG),
      messageId: '<no-values@xa-dong.thu-nghiem.example>',
      attachments: [{ filename: 'bao-cao.pdf', content: PDF }],
    });
    expect(outcome.outcome).toBe('needs-values');
    expect((await baoCao('xa-dong')).submissions).toHaveLength(0);
    const answer = h.sent('reply', XA_DONG).at(-1)!;
    expect(answer.inReplyTo).toBe('<no-values@xa-dong.thu-nghiem.example>');
    expect(answer.text).toContain('Báo cáo kết quả 6 tháng: chưa có số liệu của biểu mẫu');
    const drafts = await h.store.draftFiles(h.cycle.input.cycle, 'xa-dong', 'bao-cao');
    expect(drafts.map((d) => d.filename)).toEqual(['bao-cao.pdf']);

    // The unit's submission page lists the file received by email, and offers the form to download.
    const web = await buildTestApp(undefined, { core: h.cycle.core, inbound: h.store });
    try {
      const token = web.token({ ...h.cycle.input.cycle, unitId: 'xa-dong', obligationId: 'bao-cao' });
      const page = await web.app.inject({ method: 'GET', url: `/s/${token}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Tệp đơn vị đã gửi bằng thư trả lời');
      expect(page.body).toContain('<li>bao-cao.pdf (1 KB)</li>');
      expect(page.body).toContain('<input type="hidden" name="emailFiles" value="1">');
      const xlsx = await web.app.inject({ method: 'GET', url: `/s/${token}/bieu-mau-bao-cao.xlsx` });
      expect(xlsx.statusCode).toBe(200);
      expect(await parseFormXlsx(xlsx.rawPayload, (await baoCao('xa-dong')).form!)).toEqual({});
      const csv = await web.app.inject({ method: 'GET', url: `/s/${token}/bieu-mau-bao-cao.csv` });
      expect(csv.body.startsWith('\uFEFFkey;Nội dung;Kiểu / giới hạn;Giá trị')).toBe(true);

      // The unit completes the values there: the emailed file goes with them.
      const form = await multipart([
        ['_csrf', csrfOf(page.body)],
        ['emailFiles', '1'],
        ['v.so-mo-hinh', '4'],
        ['submittedBy', 'Nguyễn Văn Bình'],
      ]);
      const posted = await web.app.inject({ method: 'POST', url: `/s/${token}`, cookies: cookiesOf(page), ...form });
      expect(posted.statusCode).toBe(200);
      expect((await baoCao('xa-dong')).submissions).toEqual([
        expect.objectContaining({
          channel: 'web',
          values: { 'so-mo-hinh': 4 },
          files: [expect.objectContaining({ filename: 'bao-cao.pdf' })],
        }),
      ]);
    } finally {
      await web.app.close();
    }
  });

  it('records the values of a filled XLSX template', async () => {
    const outcome = await h.reply({
      from: XA_DONG,
      to: baoCaoReminder(XA_DONG),
      messageId: '<xlsx@xa-dong.thu-nghiem.example>',
      attachments: [
        { filename: 'bao-cao.pdf', content: PDF },
        {
          filename: 'bieu-mau-bao-cao.xlsx',
          content: await filledXlsx(baoCaoReminder(XA_DONG), { 'so-mo-hinh': 3, 'ket-qua': 'Hoàn thành tốt' }),
        },
      ],
    });
    expect(outcome.outcome).toBe('submitted');
    const submission = (await baoCao('xa-dong')).submissions.at(-1);
    expect(submission).toMatchObject({
      version: 2,
      channel: 'email',
      values: { 'so-mo-hinh': 3, 'ket-qua': 'Hoàn thành tốt' },
      files: [{ filename: 'bao-cao.pdf' }],
    });
  });

  it('records the values of the CSV template filled in Excel, and refuses invalid ones by name', async () => {
    const invalid = await h.reply({
      from: XA_TAY,
      to: baoCaoReminder(XA_TAY),
      messageId: '<csv-bad@xa-tay.thu-nghiem.example>',
      attachments: [
        { filename: 'bieu-mau-bao-cao.csv', content: filledCsv(baoCaoReminder(XA_TAY), { 'so-mo-hinh': '-2' }) },
      ],
    });
    expect(invalid.outcome).toBe('needs-values');
    expect(h.sent('reply', XA_TAY).at(-1)!.text).toContain('«Số mô hình "Dân vận khéo"» không được nhỏ hơn 0');
    expect((await baoCao('xa-tay')).submissions).toHaveLength(0);

    const outcome = await h.reply({
      from: XA_TAY,
      to: baoCaoReminder(XA_TAY),
      messageId: '<csv@xa-tay.thu-nghiem.example>',
      attachments: [
        {
          filename: 'bieu-mau-bao-cao.csv',
          content: filledCsv(baoCaoReminder(XA_TAY), { 'so-mo-hinh': '5', 'ket-qua': '"Đạt; vượt ""chỉ tiêu"""' }),
        },
      ],
    });
    expect(outcome.outcome).toBe('submitted');
    expect((await baoCao('xa-tay')).submissions[0]).toMatchObject({
      channel: 'email',
      values: { 'so-mo-hinh': 5, 'ket-qua': 'Đạt; vượt "chỉ tiêu"' },
    });
  });
});
