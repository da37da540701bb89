import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { renderEmail } from '../../../channels/email/render-email';
import { renderMomentEmail } from '../../../channels/email/render-moment-email';
import { renderMomentOaText } from '../../../channels/zalo/moment-zns';
import { item, moment, NOI_VU, NOI_VU_HEAD, UNIT, UNIT_HEAD } from './moment-messages';
import { receipt, reminder } from './notifications';

const INBOX = 'https://dondoc.example/i/i1.WyJ4YS1pYS10dWwiLDFd.c2lnbmF0dXJl';
const TEMPLATES = path.resolve(__dirname, '..', '..', '..', 'channels', 'email', 'templates');
const LINE = `Xem mọi việc của đơn vị: ${INBOX}`;

describe("the unit's inbox link in its messages", () => {
  it('is in the own-unit reminder, text and HTML, and in the OA text', () => {
    const message = moment(UNIT_HEAD, [item(UNIT, 0, 'unit', { inboxUrl: INBOX })]);
    const email = renderMomentEmail(message);
    expect(email.text).toContain(LINE);
    expect(email.html).toContain(`Xem mọi việc của đơn vị: <a href="${INBOX}"`);
    expect(renderMomentOaText(message)).toContain(LINE);
  });

  it("is in a summary to a unit head about their own unit, not a supervisor's link to someone else's unit", () => {
    const own = item(UNIT, 2, 'unit', { inboxUrl: INBOX });
    const escalated = item(NOI_VU, 2, 'supervisor');
    const summary = renderMomentEmail(moment(NOI_VU_HEAD, [item(NOI_VU, 2, 'unit', { inboxUrl: INBOX }), escalated]));
    expect(summary.text).toContain(LINE);
    const supervisorOnly = renderMomentEmail(moment(NOI_VU_HEAD, [{ ...own, role: 'supervisor', inboxUrl: INBOX }]));
    expect(supervisorOnly.text).not.toContain('Xem mọi việc của đơn vị');
  });

  it('is in a receipt and a reminder to the unit, never in what the supervisor or the leadership get', () => {
    expect(renderEmail(receipt({ inboxUrl: INBOX }), 'unit').text).toContain(LINE);
    expect(renderEmail(reminder({ inboxUrl: INBOX }), 'unit').text).toContain(LINE);
    expect(renderEmail(reminder({ inboxUrl: INBOX }), 'supervisor').text).not.toContain(INBOX);
    expect(renderEmail(reminder(), 'unit').text).not.toContain('Xem mọi việc của đơn vị');
  });

  it('no template asks people not to reply any more: a reply with the document is a submission', () => {
    const files = readdirSync(TEMPLATES).filter((name) => name.endsWith('.eta'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      expect([file, readFileSync(path.join(TEMPLATES, file), 'utf8').includes('Vui lòng không trả lời')]).toEqual([
        file,
        false,
      ]);
    }
    const text = renderEmail(reminder(), 'unit').text;
    expect(text).toContain('Để nộp, anh/chị có thể trả lời thư này và đính kèm văn bản');
    expect(text).toContain('— hoặc nộp qua liên kết. Mọi vướng mắc xin liên hệ');
  });

  it('asks for a reply only where a reply submits: not in a receipt, nor in what the supervisor gets', () => {
    const invitation = 'Để nộp, anh/chị có thể trả lời thư này';
    expect(renderEmail(reminder(), 'unit').html).toContain(invitation);
    expect(renderEmail(reminder(), 'supervisor').text).not.toContain(invitation);
    expect(renderEmail(receipt(), 'unit').text).not.toContain(invitation);
    expect(renderEmail(receipt(), 'unit').text).toContain('Mọi vướng mắc xin liên hệ trực tiếp');
    const escalated = renderMomentEmail(moment(NOI_VU_HEAD, [item(UNIT, 2, 'supervisor')]));
    expect(escalated.text).not.toContain(invitation);
    expect(renderMomentEmail(moment(UNIT_HEAD, [item(UNIT, 0, 'unit')])).text).toContain(invitation);
  });
});
