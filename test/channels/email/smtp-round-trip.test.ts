import { messageIdForKey } from '../../../channels/email/message-id';
import { renderEmail } from '../../../channels/email/render-email';
import type { Audience, Notification } from '../../../domain/notifications/notification';
import { parseIcs, prop } from './ics';
import { HEAD, type MailEnv, startMailEnv } from './mail-env';
import { digest, escalation, receipt, reminder, report } from './notifications';

let env: MailEnv;
beforeAll(async () => {
  env = await startMailEnv();
});
afterAll(() => env.close());

async function roundTrip(notification: Notification, audience: Audience) {
  const rendered = renderEmail(notification, audience);
  const result = await env.mailer.send({ to: [HEAD], ...rendered });
  const message = env.capture.messages().findLast((m) => m.messageId === result.messageId);
  if (!message) throw new Error(`${result.messageId} was not captured`);
  return { rendered, result, message, parsed: message.parsed };
}

const URGING = { 1: 'khẩn trương hoàn thành', 2: 'Đây là lần đôn đốc thứ 2', 3: 'nghiêm túc thực hiện' } as const;
const AUDIENCE_PHRASES: Record<Audience, (level: 1 | 2 | 3) => [string, string]> = {
  unit: (level) => [URGING[level], URGING[level]],
  supervisor: () => ['UBND xã Ia Tul chưa nộp', 'đơn vị sau chưa nộp'],
  leadership: () => ['Kính báo cáo Lãnh đạo xem xét, chỉ đạo.', 'Kính báo cáo Lãnh đạo xem xét, chỉ đạo.'],
};
const ESCALATIONS = ([1, 2, 3] as const).flatMap((level) =>
  (['unit', 'supervisor', 'leadership'] as const).map((audience): Case => [
    `escalation ${level} → ${audience}`,
    () => escalation(level),
    audience,
    ...AUDIENCE_PHRASES[audience](level),
  ]),
);

/** Name, notification, audience, a phrase of the text part and one of the HTML part. */
type Case = [string, () => Notification, Audience, string, string];
const CASES: Case[] = [
  ['reminder', () => reminder(), 'unit', 'còn 10 ngày làm việc', 'còn 10 ngày làm việc'],
  ...ESCALATIONS,
  ['digest', () => digest(), 'supervisor', 'QUÁ HẠN: 2 nội dung của 2 đơn vị', 'Quá hạn: 2 nội dung của 2 đơn vị'],
  ['report', () => report(), 'supervisor', 'Tỷ lệ hồ sơ trực tuyến (%): 37,5', '>37,5</td>'],
  ['receipt', () => receipt(), 'unit', 'Nộp đúng hạn', 'Nộp đúng hạn'],
];

describe('emails through a real SMTP server, parsed back with mailparser', () => {
  it.each(CASES)(
    '%s: Vietnamese subject and both parts survive intact',
    async (_name, make, audience, phrase, htmlPhrase) => {
      const { rendered, parsed } = await roundTrip(make(), audience);
      expect(parsed.subject).toBe(rendered.subject);
      expect(parsed.text?.trimEnd()).toBe(rendered.text.trimEnd());
      expect(parsed.text).toContain(phrase);
      expect(parsed.html).toContain(htmlPhrase);
      expect(parsed.text).toMatch(/Thứ (Hai|Ba|Tư|Năm|Sáu) \d\d\/\d\d\/2022/);
      expect(parsed.html && parsed.html.trimEnd()).toBe(rendered.html.trimEnd());
    },
  );

  it.each(CASES)(
    '%s: carries exactly the contract headers and a Message-ID from the key',
    async (_n, make, audience) => {
      const { rendered, parsed, message } = await roundTrip(make(), audience);
      const dondoc = Object.fromEntries(
        [...parsed.headers.keys()].filter((k) => k.startsWith('x-dondoc-')).map((k) => [k, parsed.headers.get(k)]),
      );
      const expected = Object.fromEntries(Object.entries(rendered.headers).map(([k, v]) => [k.toLowerCase(), v]));
      expect(dondoc).toEqual(expected);
      expect(message.messageId).toBe(messageIdForKey(rendered.headers['X-Dondoc-Key']!, 'ia-pa.example'));
    },
  );

  it('pins the headers of a level-2 escalation to Phòng Nội vụ', async () => {
    const { parsed } = await roundTrip(escalation(2), 'supervisor');
    expect(
      Object.fromEntries(
        ['kind', 'cycle', 'unit', 'obligation', 'level', 'scheduled-at', 'key'].map((h) => [
          h,
          parsed.headers.get(`x-dondoc-${h}`),
        ]),
      ),
    ).toEqual({
      kind: 'escalation',
      cycle: 'dvcq-ia-pa/2022',
      unit: 'xa-ia-tul',
      obligation: 'bao-cao-nam',
      level: '2',
      'scheduled-at': '2022-11-03T08:00:00+07:00',
      key: 'dondoc/dvcq-ia-pa/2022/xa-ia-tul/bao-cao-nam/escalation-2.0@2022-11-03T08:00:00+07:00/supervisor/email',
    });
  });

  it.each([
    ['reminder', () => reminder()],
    ['escalation', () => escalation(1)],
  ])('%s to the unit has a valid .ics attached', async (_name, make) => {
    const { rendered, parsed } = await roundTrip(make(), 'unit');
    const ics = parsed.attachments.find((a) => a.filename === 'han-nop.ics');
    expect(ics?.contentType).toBe('text/calendar');
    const text = ics!.content.toString('utf8');
    expect(text).toBe(rendered.icalEvent);
    expect(text).toContain('DTSTART;VALUE=DATE:20221031\r\n');
    expect(prop(parseIcs(text).children[0]!, 'UID')).toBe('dvcq-ia-pa.2022.xa-ia-tul.bao-cao-nam@dondoc');
  });

  it('a re-sent email carries the same Message-ID; another send key gives another', async () => {
    const first = await roundTrip(escalation(1), 'unit');
    const again = await roundTrip(escalation(1), 'unit');
    expect(again.message.messageId).toBe(first.message.messageId);
    const other = renderEmail(escalation(1), 'unit', { sendKey: `${first.rendered.headers['X-Dondoc-Key']}/x@y.vn` });
    const sent = await env.mailer.send({ to: [HEAD], ...other });
    expect(sent.messageId).not.toBe(first.message.messageId);
  });

  it('escapes a unit name containing <script> in the HTML part', async () => {
    const unit = { id: 'xa-x', name: 'UBND xã <script>alert(1)</script>' };
    const { parsed } = await roundTrip(escalation(2, { unit }), 'supervisor');
    expect(parsed.html).not.toContain('<script>');
    expect(parsed.html).toContain('UBND xã &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(parsed.text).toContain('UBND xã <script>alert(1)</script> chưa nộp');
  });

  it('sends the report’s files as attachments, and addresses recipients by name', async () => {
    const { parsed, message } = await roundTrip(report(), 'supervisor');
    const csv = parsed.attachments.find((a) => a.filename === 'tong-hop.csv');
    expect(csv?.content.toString('utf8')).toBe('đơn vị,số\n');
    expect(message.envelope.rcptTo).toEqual([HEAD.email]);
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    expect(to?.value).toEqual([{ name: HEAD.name, address: HEAD.email }]);
  });
});
