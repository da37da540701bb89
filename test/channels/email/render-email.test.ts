import { EmailRenderError } from '../../../channels/email/email-render-error';
import { renderEmail } from '../../../channels/email/render-email';
import { escalation, LINK, receipt, reminder, report, digest, SELF_CHECK, YEARLY } from './notifications';

const YEARLY_TITLE = YEARLY.title;

describe('renderEmail: reminder', () => {
  it('names the obligation, the due date with weekday, the working days left, the link and the next step', () => {
    const email = renderEmail(reminder(), 'unit');
    expect(email.subject).toBe(`[Nhắc hạn] ${YEARLY_TITLE} — hạn Thứ Hai 31/10/2022`);
    expect(email.text).toContain('Kính gửi: UBND xã Ia Tul.');
    expect(email.text).toContain('Hạn nộp: Thứ Hai 31/10/2022 (còn 10 ngày làm việc)');
    expect(email.text).toContain(`Nộp trực tuyến: ${LINK}`);
    expect(email.text).toContain('Nếu đến Thứ Ba 01/11/2022 đơn vị chưa nộp, hệ thống sẽ gửi thư đôn đốc lần 1');
    expect(email.text).toContain('(Kế hoạch số 45/KH-UBND ngày 20/4/2022)');
    expect(email.html).toContain(`href="${LINK}"`);
    expect(email.html).toContain('còn 10 ngày làm việc');
  });

  it('says when today is the last day', () => {
    const email = renderEmail(reminder({ obligations: [{ ...YEARLY, workingDaysLeft: 0 }] }), 'unit');
    expect(email.text).toContain('hôm nay là hạn cuối');
    expect(email.text).toContain('trước 24:00 hôm nay, Thứ Hai 31/10/2022');
  });

  it('covers several obligations due at the same instant in one email', () => {
    const obligations = [
      { ...YEARLY, workingDaysLeft: 5 },
      { ...SELF_CHECK, nominalDueDate: '2022-10-31', dueDate: '2022-10-31', workingDaysLeft: 5 },
    ];
    const email = renderEmail(reminder({ obligations }), 'unit');
    expect(email.subject).toBe(`[Nhắc hạn] ${YEARLY_TITLE} và 1 nội dung khác — hạn Thứ Hai 31/10/2022`);
    expect(email.headers['X-Dondoc-Obligation']).toBe('bao-cao-nam,ke-hoach-tu-kiem-tra');
    expect(email.text).toContain(`- ${SELF_CHECK.title}\n  Hạn nộp: Thứ Hai 31/10/2022 (còn 5 ngày làm việc)`);
    expect(email.icalEvent?.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  });
});

describe('renderEmail: escalation, worded per level and audience', () => {
  it.each([
    [
      1,
      `[Đôn đốc lần 1] ${YEARLY_TITLE} — hạn Thứ Hai 31/10/2022, đã quá hạn 1 ngày làm việc`,
      'khẩn trương hoàn thành',
    ],
    [
      2,
      `[Đôn đốc lần 2] ${YEARLY_TITLE} — hạn Thứ Hai 31/10/2022, đã quá hạn 3 ngày làm việc`,
      'Đây là lần đôn đốc thứ 2',
    ],
    [3, `[Đôn đốc lần 3] ${YEARLY_TITLE} — hạn Thứ Hai 31/10/2022, đã quá hạn 7 ngày làm việc`, 'nghiêm túc thực hiện'],
  ] as const)('level %i to the unit urges firmly but politely', (level, subject, urging) => {
    const email = renderEmail(escalation(level), 'unit');
    expect(email.subject).toBe(subject);
    expect(email.text).toContain(`ĐÔN ĐỐC LẦN ${level}`);
    expect(email.text).toContain(urging);
    expect(email.html).toContain(urging);
    expect(email.headers['X-Dondoc-Level']).toBe(String(level));
  });

  it('tells the unit who is told next, and when', () => {
    expect(renderEmail(escalation(1), 'unit').text).toContain(
      'Nếu đến Thứ Năm 03/11/2022 đơn vị chưa nộp, hệ thống sẽ gửi thư đôn đốc lần 2 đến đơn vị, đồng thời báo cáo Phòng Nội vụ huyện.',
    );
    expect(renderEmail(escalation(2), 'unit').text).toContain(
      'đồng thời báo cáo Phòng Nội vụ huyện và Lãnh đạo Ủy ban nhân dân huyện Ia Pa.',
    );
    expect(renderEmail(escalation(3), 'unit').text).not.toContain('Nếu đến');
  });

  it.each([2, 3] as const)('level %i to Phòng Nội vụ lists the late unit and asks for follow-up', (level) => {
    const email = renderEmail(escalation(level), 'supervisor');
    expect(email.subject).toBe(
      `[Đôn đốc lần ${level}] Đơn vị chậm nộp: UBND xã Ia Tul — ${YEARLY_TITLE} (hạn Thứ Hai 31/10/2022)`,
    );
    expect(email.text).toContain('Kính gửi: Phòng Nội vụ huyện.');
    expect(email.text).toContain('UBND xã Ia Tul chưa nộp');
    expect(email.text).toContain('Đề nghị Phòng Nội vụ huyện liên hệ, theo dõi, đôn đốc đơn vị hoàn thành');
    expect(email.html).toContain(`Danh sách đơn vị chậm nộp — đôn đốc lần ${level}`);
    expect(email.text).not.toContain('Nộp trực tuyến');
    expect(email.icalEvent).toBeUndefined();
  });

  it('does not tell Phòng Nội vụ that Phòng Nội vụ will be told', () => {
    expect(renderEmail(escalation(2), 'supervisor').text).toContain(
      'Nếu đến Thứ Tư 09/11/2022 UBND xã Ia Tul vẫn chưa nộp, hệ thống sẽ gửi thư đôn đốc lần 3 đến đơn vị, đồng thời báo cáo Lãnh đạo Ủy ban nhân dân huyện Ia Pa.',
    );
  });

  it('gives leadership a short summary', () => {
    const email = renderEmail(escalation(3), 'leadership');
    expect(email.subject).toBe(
      `[Đôn đốc lần 3] Báo cáo Lãnh đạo: UBND xã Ia Tul chưa nộp ${YEARLY_TITLE} (hạn Thứ Hai 31/10/2022)`,
    );
    expect(email.text).toContain('Kính gửi: Lãnh đạo Ủy ban nhân dân huyện Ia Pa.');
    expect(email.text).toContain('đến 08:00 Thứ Tư 09/11/2022 đã quá hạn 7 ngày làm việc, đã đôn đốc 3 lần.');
    expect(email.text).toContain('Kính báo cáo Lãnh đạo xem xét, chỉ đạo.');
    expect(email.text.split('\n').length).toBeLessThan(12);
  });

  it('refuses an escalation without a level rather than mislabel it', () => {
    expect(() => renderEmail(escalation(1, { level: undefined }), 'unit')).toThrow(EmailRenderError);
  });
});

describe('renderEmail: digest, report, receipt', () => {
  it('digest: overdue first, longest overdue on top, then due soon', () => {
    const email = renderEmail(digest(), 'supervisor');
    expect(email.subject).toBe(
      '[Tổng hợp tuần 04/11/2022] 2 nội dung quá hạn, 1 sắp đến hạn — Kế hoạch triển khai thực hiện công tác Dân vận chính quyền',
    );
    expect(email.text).toContain('QUÁ HẠN: 2 nội dung của 2 đơn vị');
    expect(email.text.indexOf('đã quá hạn 4 ngày làm việc')).toBeLessThan(email.text.indexOf('đã quá hạn 1 ngày'));
    expect(email.text).toContain('Hạn nộp: Thứ Năm 10/11/2022 (còn 4 ngày làm việc)');
    expect(email.text).toContain('Bảng theo dõi: https://dondoc.example/cycles/dvcq-ia-pa/2022');
    expect(email.html).toContain('<th align="left" style="padding:6px 8px;border:1px solid #d1d5db;">Đã đôn đốc</th>');
  });

  it('digest: lists the people a channel cannot reach, and says the channel waits for their contact to be edited', () => {
    const problem = {
      name: 'Chủ tịch UBND xã Chư Răng',
      channel: 'zns' as const,
      address: '84900000020',
      reason: 'Zalo không gửi được (-118): số điện thoại chưa có tài khoản Zalo',
      detectedAt: '2022-11-02T08:00:01+07:00',
    };
    const email = renderEmail({ ...digest(), contactProblems: [problem] }, 'supervisor');
    expect(email.text).toContain('LIÊN HỆ CẦN CẬP NHẬT: 1');
    expect(email.text).toContain(`- ${problem.name} — Zalo (ZNS) 84900000020: ${problem.reason}`);
    expect(email.text).toContain('cho đến khi thông tin liên hệ được sửa trong kế hoạch');
    expect(email.html).toContain('Liên hệ cần cập nhật: 1');
    expect(renderEmail(digest(), 'supervisor').text).not.toContain('LIÊN HỆ CẦN CẬP NHẬT');
  });

  it('report: counts per status and a table of values per unit, numbers the Vietnamese way', () => {
    const email = renderEmail(report(), 'supervisor');
    expect(email.subject).toBe(`[Tổng hợp báo cáo] ${YEARLY_TITLE} — hạn Thứ Hai 31/10/2022: 2/4 đơn vị đã nộp`);
    for (const line of ['- Đúng hạn: 1', '- Trễ hạn: 1', '- Chưa nộp: 1', '- Được miễn: 1', '- Tổng số đơn vị: 4']) {
      expect(email.text).toContain(line);
    }
    expect(email.text).toContain('UBND xã Ia Tul — Đúng hạn, nộp lúc 15:30 Thứ Sáu 28/10/2022, văn bản số 45/BC-UBND');
    expect(email.text).toContain('Tỷ lệ hồ sơ trực tuyến (%): 37,5');
    expect(email.html).toContain(
      '<th align="left" style="padding:6px 8px;border:1px solid #d1d5db;">Số mô hình &quot;Dân vận khéo&quot;</th>',
    );
    expect(email.attachments).toEqual([expect.objectContaining({ filename: 'tong-hop.csv', encoding: 'base64' })]);
  });

  it('receipt: when it arrived, on time or late, and a re-submission replaces the earlier one', () => {
    const onTime = renderEmail(receipt(), 'unit');
    expect(onTime.subject).toBe(`[Xác nhận đã nhận] ${YEARLY_TITLE} — nộp lúc 15:30 Thứ Sáu 28/10/2022, đúng hạn`);
    expect(onTime.text).toContain('- Tình trạng: Nộp đúng hạn');
    expect(onTime.text).toContain("- Người nộp: Rơ Châm H'Linh");
    const late = renderEmail(
      receipt({ timeliness: 'late', version: 2, submittedAt: '2022-11-01T09:10:00+07:00' }),
      'unit',
    );
    expect(late.subject).toContain('— nộp lúc 09:10 Thứ Ba 01/11/2022, trễ hạn');
    expect(late.text).toContain('Đây là lần nộp thứ 2; bản này thay thế bản đã nộp trước đó.');
  });
});

describe('renderEmail: safety and determinism', () => {
  it('escapes HTML in names and titles, and leaves the plain text as written', () => {
    const unit = { id: 'xa-x', name: 'UBND xã <script>alert("x")</script>' };
    const email = renderEmail(escalation(2, { unit }), 'supervisor');
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('UBND xã &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(email.text).toContain('UBND xã <script>alert("x")</script> chưa nộp');
  });

  it('composes decomposed (NFD) diacritics from the plan file into NFC', () => {
    const nfd = 'Báo cáo tự kiểm tra'.normalize('NFD');
    const email = renderEmail(reminder({ obligations: [{ ...YEARLY, title: nfd, workingDaysLeft: 2 }] }), 'unit');
    for (const part of [email.subject, email.text, email.html, email.icalEvent ?? '']) {
      expect(part).toBe(part.normalize('NFC'));
    }
    expect(email.subject).toContain('Báo cáo tự kiểm tra');
  });

  it('shows plan time whatever the machine time zone and the instant offset', () => {
    const original = process.env.TZ;
    const render = (tz: string) => {
      process.env.TZ = tz;
      return renderEmail(escalation(1, { scheduledAt: '2022-11-01T01:00:00Z' }), 'unit');
    };
    try {
      const newYork = render('America/New_York');
      expect(newYork.text).toContain('Đến 08:00 Thứ Ba 01/11/2022');
      expect(render('Pacific/Kiritimati')).toEqual(newYork);
    } finally {
      process.env.TZ = original;
    }
  });

  it('renders the same notification to the same email', () => {
    expect(renderEmail(escalation(2), 'unit')).toEqual(renderEmail(escalation(2), 'unit'));
  });

  it('fails clearly when the template folder is missing', () => {
    const render = () => renderEmail(reminder(), 'unit', { templateDir: '/nonexistent/templates' });
    expect(render).toThrow(EmailRenderError);
    expect(render).toThrow('The email template folder /nonexistent/templates cannot be read');
  });
});
