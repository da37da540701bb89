import { AppError } from '../../domain/errors';
import { buildTestApp, login } from '../web/web-harness';
import { PDF, startInboundHarness, XA_DONG, XA_TAY, type InboundHarness } from './inbound-harness';

const STRANGER = 'nguoi-la@example.com';

/** A program renamed to .pdf: a Windows executable starts with `MZ`. */
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

describe('submit by replying to a reminder (SMTP capture → inbound handler → unit workflow)', () => {
  let h: InboundHarness;

  beforeAll(async () => {
    h = await startInboundHarness();
    // ke-hoach's first reminder goes to every unit on 02/05 at 08:00.
    await h.cycle.sleepUntil('2031-05-02T09:00:00+07:00');
    await h.cycle.waitForStatus(
      () => h.sent('reminder', XA_DONG).length === 1 && h.sent('reminder', XA_TAY).length === 1,
    );
  });

  afterAll(async () => {
    await h?.teardown();
  });

  const keHoach = async (unitId: string) =>
    (await h.cycle.core.unitStatus(h.cycle.input.cycle, unitId)).obligations.find((o) => o.id === 'ke-hoach')!;

  it('records a reply with a PDF as the submission, and sends the receipt in the same thread', async () => {
    const reminder = h.sent('reminder', XA_DONG)[0]!;
    const replyId = '<reply-1@xa-dong.thu-nghiem.example>';
    const outcome = await h.reply({
      from: XA_DONG.toUpperCase(), // addresses compare without case
      fromName: 'Chủ tịch UBND xã Đông',
      to: reminder,
      messageId: replyId,
      attachments: [{ filename: 'Kế hoạch triển khai.pdf', content: PDF }],
    });
    expect(outcome).toMatchObject({ outcome: 'submitted', duplicate: false });

    const obligation = await keHoach('xa-dong');
    expect(obligation.submissions).toHaveLength(1);
    expect(obligation.submissions[0]).toMatchObject({
      channel: 'email',
      submittedBy: `Chủ tịch UBND xã Đông <${XA_DONG}>`,
      files: [{ filename: 'Kế hoạch triển khai.pdf', contentType: 'application/pdf', size: PDF.length }],
    });

    await h.cycle.waitForStatus(() => h.sent('receipt', XA_DONG).length === 1);
    const receipt = h.sent('receipt', XA_DONG)[0]!;
    expect(receipt.inReplyTo).toBe(replyId);
    const references = Array.isArray(receipt.references) ? receipt.references : [receipt.references];
    expect(references).toEqual([reminder.messageId, replyId]);
    expect(receipt.subject).toBe(`Re: ${reminder.subject}`);
    expect(receipt.headers.get('x-dondoc-kind')).toBe('receipt');
    expect(receipt.text).toContain('Hệ thống đã nhận Xây dựng kế hoạch triển khai của UBND xã Đông');

    const [row] = await h.store.list(h.cycle.input.cycle);
    expect(row).toMatchObject({
      outcome: 'submitted',
      unitId: 'xa-dong',
      obligationIds: ['ke-hoach'],
      fromAddress: XA_DONG,
    });
  });

  it('takes the same reply delivered again as one submission with one receipt', async () => {
    const reminder = h.sent('reminder', XA_DONG)[0]!;
    const again = await h.reply({
      from: XA_DONG,
      fromName: 'Chủ tịch UBND xã Đông',
      to: reminder,
      messageId: '<reply-1@xa-dong.thu-nghiem.example>',
      attachments: [{ filename: 'Kế hoạch triển khai.pdf', content: PDF }],
    });
    expect(again).toMatchObject({ outcome: 'submitted', duplicate: true });
    expect((await keHoach('xa-dong')).submissions).toHaveLength(1);
    expect(h.sent('receipt', XA_DONG)).toHaveLength(1);
    expect(h.sent('reply', XA_DONG)).toHaveLength(0);
  });

  it('refuses a stranger politely, changes nothing, and keeps the attempt for Phòng Nội vụ', async () => {
    const reminder = h.sent('reminder', XA_TAY)[0]!;
    const outcome = await h.reply({
      from: STRANGER,
      fromName: 'Người lạ',
      to: reminder,
      messageId: '<stranger-1@example.com>',
      attachments: [{ filename: 'ke-hoach.pdf', content: PDF }],
    });
    expect(outcome.outcome).toBe('refused-sender');
    expect((await keHoach('xa-tay')).submissions).toHaveLength(0);

    const [answer, ...more] = h.sent('reply', STRANGER);
    expect(more).toHaveLength(0);
    expect(answer!.inReplyTo).toBe('<stranger-1@example.com>');
    expect(answer!.text).toContain(`Địa chỉ ${STRANGER} không có trong danh sách đó`);
    expect(answer!.text).toContain('UBND xã Tây');
    expect(answer!.headers.get('auto-submitted')).toBe('auto-replied');

    const web = await buildTestApp(undefined, { core: h.cycle.core, inbound: h.store });
    try {
      const anonymous = await web.app.inject({ method: 'GET', url: '/cycles/cycle-small/2031/inbound' });
      expect(anonymous.statusCode).toBe(303); // to the login page, like every dashboard page
      const { cookies } = await login(web.app);
      const page = await web.app.inject({ method: 'GET', url: '/cycles/cycle-small/2031/inbound', cookies });
      expect(page.statusCode).toBe(200);
      const row = /<tr data-id="[0-9a-f]+" data-outcome="refused-sender">([\s\S]*?)<\/tr>/.exec(page.body)?.[1] ?? '';
      expect(row).toContain(STRANGER);
      expect(row).toContain('Người gửi lạ');
      expect(row).toContain('không phải người liên hệ của UBND xã Tây');
      expect(page.body).toContain('data-outcome="submitted"');
    } finally {
      await web.app.close();
    }

    const rows = await h.store.list(h.cycle.input.cycle);
    expect(rows.find((r) => r.fromAddress === STRANGER)).toMatchObject({
      outcome: 'refused-sender',
      unitId: 'xa-tay',
      detail: `Người lạ <${STRANGER}> không phải người liên hệ của UBND xã Tây`,
    });
  });

  it('refuses a program disguised as a PDF and names it', async () => {
    const reminder = h.sent('reminder', XA_TAY)[0]!;
    const outcome = await h.reply({
      from: XA_TAY,
      to: reminder,
      messageId: '<disguised@xa-tay.thu-nghiem.example>',
      attachments: [{ filename: 'ke-hoach.pdf', content: EXE }],
    });
    expect(outcome.outcome).toBe('rejected-attachments');
    expect((await keHoach('xa-tay')).submissions).toHaveLength(0);
    const answer = h.sent('reply', XA_TAY).at(-1)!;
    expect(answer.text).toContain('«ke-hoach.pdf»: nội dung không đúng loại tệp theo tên');
  });

  it('ignores an automatic answer (out of office) without answering it', async () => {
    const reminder = h.sent('reminder', XA_TAY)[0]!;
    const before = h.cycle.channels.smtp.messages().length;
    const outcome = await h.reply({
      from: XA_TAY,
      to: reminder,
      messageId: '<vacation@xa-tay.thu-nghiem.example>',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    expect(outcome).toMatchObject({ outcome: 'ignored' });
    expect(h.cycle.channels.smtp.messages()).toHaveLength(before);
  });

  it('answers a reply that names no reminder, and submits nothing', async () => {
    const unrelated = { ...h.sent('reminder', XA_TAY)[0]!, messageId: '<something-else@example.org>' };
    const outcome = await h.reply({ from: XA_TAY, to: unrelated, messageId: '<lost@xa-tay.thu-nghiem.example>' });
    expect(outcome.outcome).toBe('unmatched');
    expect(h.sent('reply', XA_TAY).at(-1)!.text).toContain('không xác định được thư này trả lời thư nhắc việc nào');
  });

  it('answers a reply to a closed cycle clearly and records nothing', async () => {
    await h.cycle.core.close(h.cycle.input.cycle);
    const reminder = h.sent('reminder', XA_TAY)[0]!;
    const outcome = await h.reply({
      from: XA_TAY,
      to: reminder,
      messageId: '<late@xa-tay.thu-nghiem.example>',
      attachments: [{ filename: 'ke-hoach.pdf', content: PDF }],
    });
    expect(outcome.outcome).toBe('closed');
    const answer = h.sent('reply', XA_TAY).at(-1)!;
    expect(answer.text).toContain('Chu kỳ cycle-small/2031 đã kết thúc');
    await expect(
      h.cycle.core.submit({ ...h.cycle.input.cycle, unitId: 'xa-tay', obligationId: 'ke-hoach' }, { channel: 'web' }),
    ).rejects.toBeInstanceOf(AppError);
    expect((await keHoach('xa-tay')).submissions).toHaveLength(0);
  });
});
