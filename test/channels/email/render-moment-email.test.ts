import { EmailRenderError } from '../../../channels/email/email-render-error';
import { renderEmail } from '../../../channels/email/render-email';
import { renderMomentEmail } from '../../../channels/email/render-moment-email';
import type { UnitRef } from '../../../domain/notifications/notification';
import { HEAD, type MailEnv, startMailEnv } from './mail-env';
import {
  CHU_RANG,
  DASHBOARD,
  item,
  LINK,
  moment,
  NOI_VU,
  NOI_VU_HEAD,
  PLAN,
  PO_TO,
  selfCheck,
  SELF_CHECK,
  UNIT,
  UNIT_HEAD,
  VICE_CHAIR,
  YEARLY,
} from './moment-messages';
import { escalation, reminder } from './notifications';

const UNIT_LINK = `${LINK}.${UNIT.id}`;

/** The rows of the escalated-units table: one `<tr>` per item, recognised by its dd/MM/yyyy due date cell. */
function tableRows(html: string): string[] {
  return (
    html.match(
      /<tr>\s*<td[^>]*>[^<]*<\/td>\s*<td[^>]*>[^<]*<\/td>\s*<td[^>]*>\d\d\/\d\d\/\d{4}<\/td>[\s\S]*?<\/tr>/g,
    ) ?? []
  );
}

describe('renderMomentEmail: a message only about the reader’s own unit', () => {
  it('is today’s reminder, byte for byte, with its .ics and the single-unit headers', () => {
    const message = moment(UNIT_HEAD, [item(UNIT, 0, 'unit')]);
    const email = renderMomentEmail(message);
    const today = renderEmail(
      reminder({ key: message.key, obligations: [{ ...YEARLY, workingDaysLeft: 10, submissionUrl: UNIT_LINK }] }),
      'unit',
      { sendKey: message.key },
    );
    expect(email).toEqual(today);
    expect(email.icalEvent).toContain('BEGIN:VEVENT');
    expect(email.headers).toMatchObject({ 'X-Dondoc-Kind': 'reminder', 'X-Dondoc-Unit': UNIT.id });
    expect(email.headers).not.toHaveProperty('X-Dondoc-Items');
    expect(email.headers).not.toHaveProperty('X-Dondoc-Level');
    expect(email.headers['X-Dondoc-Key']).toBe(message.key);
  });

  it('is today’s escalation to the unit, with the next step and the level header', () => {
    const message = moment(UNIT_HEAD, [item(UNIT, 2, 'unit')], { dashboardUrl: DASHBOARD });
    const email = renderMomentEmail(message, { sendKey: `${message.key}#retry` });
    const today = renderEmail(
      escalation(2, { key: message.key, obligations: [{ ...YEARLY, workingDaysLeft: -3, submissionUrl: UNIT_LINK }] }),
      'unit',
      { sendKey: `${message.key}#retry`, dashboardUrl: DASHBOARD },
    );
    expect(email).toEqual(today);
    expect(email.text).toContain('ĐÔN ĐỐC LẦN 2');
    expect(email.headers).toEqual({
      'X-Dondoc-Kind': 'escalation',
      'X-Dondoc-Cycle': 'dvcq-ia-pa/2022',
      'X-Dondoc-Unit': UNIT.id,
      'X-Dondoc-Obligation': YEARLY.id,
      'X-Dondoc-Level': '2',
      'X-Dondoc-Scheduled-At': '2022-11-03T08:00:00+07:00',
      'X-Dondoc-Key': `${message.key}#retry`,
    });
  });

  it('lists every obligation of the unit due at the moment in one email, at the highest level', () => {
    const message = moment(UNIT_HEAD, [item(UNIT, 2, 'unit'), selfCheck(UNIT, 'unit', 5)]);
    const email = renderMomentEmail(message);
    expect(email.subject).toMatch(/^\[Đôn đốc lần 2\] .* và 1 nội dung khác — hạn Thứ Hai 31\/10\/2022/);
    expect(email.text).toContain(`- ${SELF_CHECK.title}\n  Hạn nộp: Thứ Năm 10/11/2022 (còn 5 ngày làm việc)`);
    expect(email.headers['X-Dondoc-Obligation']).toBe(`${YEARLY.id},${SELF_CHECK.id}`);
    expect(email.icalEvent?.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  });
});

describe('renderMomentEmail: a summary to Phòng Nội vụ of three late units', () => {
  const items = [item(UNIT, 3, 'supervisor'), item(CHU_RANG, 2, 'supervisor'), item(PO_TO, 2, 'supervisor')];
  const message = moment(NOI_VU_HEAD, items, { dashboardUrl: DASHBOARD });
  const email = renderMomentEmail(message);

  it('has a short Vietnamese subject and is addressed to the person', () => {
    expect(email.subject).toBe(`[Đôn đốc] 3 đơn vị chậm thực hiện — ${PLAN.title}`);
    expect(email.text).toMatch(/^Kính gửi: Trưởng phòng Nội vụ\.\n/);
    expect(email.html).toContain('<strong>Kính gửi:</strong> Trưởng phòng Nội vụ.');
  });

  it('lists every item in X-Dondoc-Items, names no single unit, and carries the highest level', () => {
    expect(email.headers).toEqual({
      'X-Dondoc-Kind': 'escalation',
      'X-Dondoc-Cycle': 'dvcq-ia-pa/2022',
      'X-Dondoc-Items': 'xa-ia-tul/bao-cao-nam/3,xa-chu-rcam/bao-cao-nam/2,xa-po-to/bao-cao-nam/2',
      'X-Dondoc-Obligation': 'bao-cao-nam',
      'X-Dondoc-Level': '3',
      'X-Dondoc-Scheduled-At': '2022-11-09T08:00:00+07:00',
      'X-Dondoc-Key': message.key,
    });
  });

  it('has one table row per item: unit, task, dd/MM/yyyy due date, days late, level, and who is told next', () => {
    const rows = tableRows(email.html);
    expect(rows).toHaveLength(3);
    expect(email.html).toContain('>Số ngày làm việc quá hạn</th>');
    expect(rows[0]).toMatch(
      />UBND xã Ia Tul<\/td>[\s\S]*>31\/10\/2022<\/td>[\s\S]*>7<\/td>[\s\S]*>Đôn đốc lần 3<\/td>\s*<td[^>]*>—<\/td>/,
    );
    expect(rows[1]).toMatch(/>UBND xã Chư Răng<\/td>[\s\S]*>3<\/td>[\s\S]*>Đôn đốc lần 2<\/td>/);
    // The reader is Phòng Nội vụ: only the leadership is named as the next to be told.
    expect(rows[1]).toContain('Lần 3 (09/11/2022), báo cáo Lãnh đạo Ủy ban nhân dân huyện Ia Pa</td>');
    expect(rows[2]).toContain('>UBND xã Pờ Tó</td>');
    expect(email.text).toContain(
      `- UBND xã Pờ Tó: ${YEARLY.title}\n  Hạn nộp: 31/10/2022 (đã quá hạn 3 ngày làm việc); mức nhắc: Đôn đốc lần 2\n` +
        '  Đôn đốc tiếp theo: Lần 3 (09/11/2022), báo cáo Lãnh đạo Ủy ban nhân dân huyện Ia Pa\n',
    );
  });

  it('asks Phòng Nội vụ to follow up, quotes the plan, links the dashboard, and attaches no calendar', () => {
    expect(email.text).toContain('Các đơn vị sau chưa nộp (3 đơn vị, 3 nội dung):');
    expect(email.text).toContain('Đề nghị Phòng Nội vụ huyện liên hệ, theo dõi, đôn đốc các đơn vị hoàn thành');
    expect(email.text).toContain('(Kế hoạch số 45/KH-UBND ngày 20/4/2022)');
    expect(email.text).toContain(`Bảng theo dõi: ${DASHBOARD}`);
    expect(email.html).toContain(`href="${DASHBOARD}"`);
    expect(email.text).not.toContain('không gửi bù');
    expect(email).not.toHaveProperty('icalEvent');
    expect(email).not.toHaveProperty('attachments');
  });

  it('has no dashboard link when none is known', () => {
    const plain = renderMomentEmail({ ...message, dashboardUrl: undefined });
    expect(plain.text).not.toContain('Bảng theo dõi');
    expect(plain.html).not.toContain('Mở bảng theo dõi');
  });
});

describe('renderMomentEmail: other summaries', () => {
  it('a catch-up says it is one summary of what is overdue, not the missed reminders', () => {
    const items = [item(UNIT, 3, 'leadership', { catchUp: true }), item(PO_TO, 3, 'leadership', { catchUp: true })];
    const email = renderMomentEmail(moment(VICE_CHAIR, items));
    expect(email.subject).toBe(`[Tổng hợp quá hạn] 2 đơn vị chậm thực hiện — ${PLAN.title}`);
    expect(email.text).toContain('TỔNG HỢP CÁC NỘI DUNG ĐÃ QUÁ HẠN');
    expect(email.text).toContain(
      'Hệ thống đôn đốc bắt đầu theo dõi kế hoạch khi một số mốc nhắc hạn, đôn đốc đã qua. Thư này tổng hợp một lần ' +
        'các nội dung đã quá hạn, không gửi bù từng thư nhắc đã lỡ.',
    );
    expect(email.html).toContain('Thư này tổng hợp <strong>một lần</strong> các nội dung đã quá hạn');
    expect(email.text).toContain('Kính gửi: Ksor Suy, Phó Chủ tịch UBND huyện.');
    expect(email.text).toContain('hệ thống đôn đốc kính báo cáo tình hình đến 08:00 Thứ Tư 09/11/2022');
    expect(email.text).toContain('Kính báo cáo Lãnh đạo xem xét, chỉ đạo.');
    expect(email.text).not.toContain('Đề nghị Phòng Nội vụ huyện liên hệ');
    expect(tableRows(email.html)).toHaveLength(2);
  });

  it('a unit’s own catch-up is a summary too: it says the missed ladder is not replayed, not "lần 3"', () => {
    const email = renderMomentEmail(moment(UNIT_HEAD, [item(UNIT, 3, 'unit', { catchUp: true })]));
    expect(email.subject.startsWith('[Tổng hợp quá hạn]')).toBe(true);
    expect(email.text).toContain('không gửi bù từng thư nhắc đã lỡ');
    expect(email.headers['X-Dondoc-Unit']).toBe(UNIT.id);
  });

  it('the Phòng Nội vụ head’s own unit comes first with its link, then the escalated units', () => {
    const items = [selfCheck(NOI_VU, 'unit', 3), item(UNIT, 2, 'supervisor'), item(CHU_RANG, 2, 'supervisor')];
    const email = renderMomentEmail(moment(NOI_VU_HEAD, items, { scheduledAt: '2022-11-03T08:00:00+07:00' }));
    expect(email.subject).toBe(`[Đôn đốc] 2 đơn vị chậm thực hiện — ${PLAN.title}`);
    const own = email.text.indexOf('NỘI DUNG CỦA PHÒNG NỘI VỤ HUYỆN');
    const escalated = email.text.indexOf('CÁC ĐƠN VỊ CHẬM THỰC HIỆN');
    expect(own).toBeGreaterThan(-1);
    expect(escalated).toBeGreaterThan(own);
    expect(email.text).toContain(
      `- ${SELF_CHECK.title}\n  Hạn nộp: Thứ Năm 10/11/2022 (còn 3 ngày làm việc)\n  Nộp trực tuyến: ${LINK}.${NOI_VU.id}`,
    );
    // Phòng Nội vụ is not asked to send its own document to itself.
    expect(email.text).toContain('Đề nghị đơn vị hoàn thành đúng hạn. Nếu đơn vị đã nộp, xin bỏ qua nội dung này.');
    expect(email.html).toContain('>Nội dung của Phòng Nội vụ huyện</p>');
    expect(email.html).toContain(`href="${LINK}.${NOI_VU.id}"`);
    expect(tableRows(email.html)).toHaveLength(2);
    expect(email.headers['X-Dondoc-Items']).toBe(
      'phong-noi-vu/ke-hoach-tu-kiem-tra/0,xa-ia-tul/bao-cao-nam/2,xa-chu-rcam/bao-cao-nam/2',
    );
    expect(email.headers['X-Dondoc-Obligation']).toBe('ke-hoach-tu-kiem-tra,bao-cao-nam');
    expect(email.headers['X-Dondoc-Level']).toBe('2');
    expect(email.headers).not.toHaveProperty('X-Dondoc-Unit');
  });

  it('a summary of one escalated unit names it in the subject and in X-Dondoc-Unit', () => {
    const email = renderMomentEmail(moment(NOI_VU_HEAD, [item(UNIT, 2, 'supervisor')]));
    expect(email.subject).toBe(`[Đôn đốc] UBND xã Ia Tul chậm thực hiện — ${PLAN.title}`);
    expect(email.text).toContain('Đơn vị sau chưa nộp:');
    expect(email.headers['X-Dondoc-Unit']).toBe(UNIT.id);
    expect(email.headers).not.toHaveProperty('X-Dondoc-Items');
  });

  it('composes decomposed diacritics and escapes names in the HTML', () => {
    const odd: UnitRef = { id: 'xa-x', name: 'UBND xã <b>Ia Pa</b>'.normalize('NFD') };
    const email = renderMomentEmail(moment(NOI_VU_HEAD, [item(odd, 2, 'supervisor'), item(UNIT, 2, 'supervisor')]));
    expect(email.text).toContain('- UBND xã <b>Ia Pa</b>: ');
    expect(email.html).toContain('>UBND xã &lt;b&gt;Ia Pa&lt;/b&gt;</td>');
  });

  it('refuses a message without items', () => {
    expect(() => renderMomentEmail(moment(NOI_VU_HEAD, []))).toThrow(EmailRenderError);
  });
});

describe('a summary through a real SMTP server', () => {
  let env: MailEnv;
  beforeAll(async () => {
    env = await startMailEnv();
  });
  afterAll(() => env.close());

  it('keeps a long X-Dondoc-Items header (30 units) and both parts intact', async () => {
    const units = Array.from({ length: 30 }, (_, i) => ({ id: `xa-so-${i + 1}`, name: `UBND xã Số ${i + 1}` }));
    const rendered = renderMomentEmail(
      moment(
        NOI_VU_HEAD,
        units.map((u) => item(u, 2, 'supervisor')),
      ),
    );
    const sent = await env.mailer.send({ to: [HEAD], ...rendered });
    const parsed = env.capture.messages().findLast((m) => m.messageId === sent.messageId)?.parsed;
    expect(parsed?.subject).toBe(`[Đôn đốc] 30 đơn vị chậm thực hiện — ${PLAN.title}`);
    const header = parsed?.headers.get('x-dondoc-items') as string | undefined;
    expect(header).toBe(rendered.headers['X-Dondoc-Items']);
    expect(header?.split(',')).toHaveLength(30);
    expect(parsed?.text?.trimEnd()).toBe(rendered.text.trimEnd());
    expect(tableRows(parsed?.html || '')).toHaveLength(30);
  });
});
