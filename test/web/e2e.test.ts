import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { momentMessageKey } from '../../domain/dispatch/message-items';
import { verifySubmissionToken } from '../../links/submission-token';
import { startWebServer, type RunningWebServer } from '../../web/server';
import { freePort } from '../../workers/port-check';
import { getStatusQuery } from '../../workflows/unit-messages';
import { CYCLE_SMALL, startTestStack, type TestStack } from '../helpers/stack';
import { artifactsDir, launchChromium, loginInBrowser } from './chromium';
import { buildTestApp, PASSWORD } from './web-harness';

const ARTIFACTS = artifactsDir('e2e');
type CapturedMail = ReturnType<TestStack['channels']['smtp']['messages']>[number];
/** A minimal but real PDF: the web checks the content, not the name. */
const CYCLE = { planId: 'cycle-small', year: 2031 };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('a unit head and Phòng Nội vụ in a real browser (headless Chromium)', () => {
  let stack: TestStack;
  let web: RunningWebServer;
  let browser: Browser;
  const secret = randomBytes(32);

  beforeAll(async () => {
    const port = await freePort();
    const publicBaseUrl = `http://127.0.0.1:${port}`;
    stack = await startTestStack({ links: { secret, publicBaseUrl } });
    const { app } = await buildTestApp(stack, { linkSecret: secret });
    web = await startWebServer(app, { host: '127.0.0.1', port });
    browser = await launchChromium();

    // Start the cycle a few seconds before xa-dong's first reminder about its report, in plan time.
    const prepared = await stack.core.prepare({
      planFile: CYCLE_SMALL,
      year: 2031,
      channels: { zns: false, oa: false },
    });
    const item = prepared.schedule.items.find((i) => i.unit === 'xa-dong' && i.obligation === 'bao-cao')!;
    const reminder = item.events.find((e) => e.type === 'reminder')!;
    const clockShiftMs = Date.parse(reminder.at) - 3000 - Date.now();
    await stack.core.start({ ...prepared, input: { ...prepared.input, clockShiftMs } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await stack?.teardown();
  });

  /**
   * xa-dong's link for its report, from the message of the moment that reminds it of the report: one message per
   * person per moment, so it may also list the plan's overdue document and carry that link too.
   */
  async function reminderMail(): Promise<{ mail: CapturedMail; link: string }> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const mail = stack.channels.smtp
        .messages()
        .find(
          (m) =>
            m.parsed.headers.get('x-dondoc-unit') === 'xa-dong' &&
            `${m.parsed.headers.get('x-dondoc-obligation') as string}`.split(',').includes('bao-cao'),
        );
      const links = mail?.parsed.text?.match(/http:\/\/127\.0\.0\.1:\d+\/s\/[\w.-]+/g) ?? [];
      const link = links.find((url) => {
        const check = verifySubmissionToken([secret], url.split('/s/')[1] ?? '', Date.now());
        return check.ok && check.claims.obligationId === 'bao-cao';
      });
      if (mail && link) return { mail, link };
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('no reminder with a submission link arrived');
  }
  const reminderLink = async () => (await reminderMail()).link;

  it('takes the link from the reminder email, submits a PDF and the form, and shows the receipt', async () => {
    const link = await reminderLink();
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } }); // a phone
    await page.goto(link);
    await page.screenshot({ path: path.join(ARTIFACTS, '1-submission-form.png'), fullPage: true });
    expect(await page.textContent('body')).toContain('Báo cáo kết quả 6 tháng');

    await page.fill('input[name="documentNumber"]', '45/BC-UBND');
    await page.fill('input[name="v.so-mo-hinh"]', '2');
    await page.fill('[name="v.ket-qua"]', 'Hoàn thành các chỉ tiêu của Kế hoạch');
    await page.fill('input[name="submittedBy"]', 'Nguyễn Thị Hoa');
    await page.setInputFiles('input[name="files"]', {
      name: 'bao-cao-6-thang.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("Nộp")')]);
    await page.screenshot({ path: path.join(ARTIFACTS, '2-receipt.png'), fullPage: true });
    expect(await page.textContent('body')).toContain('Đã nhận văn bản — đúng hạn');
    await page.close();
  });

  it('lets Phòng Nội vụ log in and see the unit as submitted on time', async () => {
    const page = await browser.newPage();
    await page.goto(`${web.url}/cycles/cycle-small/2031`);
    expect(page.url()).toContain('/login');
    await page.fill('input[name="username"]', 'pnv');
    await page.fill('input[name="password"]', PASSWORD);
    await Promise.all([page.waitForURL(/\/cycles\/cycle-small\/2031/), page.click('button[type="submit"]')]);
    await page.screenshot({ path: path.join(ARTIFACTS, '3-dashboard-matrix.png'), fullPage: true });
    const row = page.locator('tr', { hasText: 'UBND xã Đông' });
    expect(await row.textContent()).toContain('Đã nộp đúng hạn');
    await page.close();
  });

  it('shows a clear error page for a tampered link and changes nothing', async () => {
    const link = await reminderLink();
    const tampered = `${link.slice(0, -2)}${link.endsWith('A') ? 'BB' : 'AA'}`;
    const submissionsOfXaDong = async () =>
      (await stack.client.workflow.getHandle('dondoc/cycle-small/2031/xa-dong').query(getStatusQuery)).obligations.map(
        (o) => [o.id, o.submissions],
      );
    const before = await submissionsOfXaDong();
    const page = await browser.newPage();
    const response = await page.goto(tampered);
    await page.screenshot({ path: path.join(ARTIFACTS, '4-tampered-link.png'), fullPage: true });
    expect(response?.status()).toBe(403);
    expect(await page.textContent('body')).toContain('Liên kết không hợp lệ');
    await page.close();
    expect(await submissionsOfXaDong()).toEqual(before);
  });

  it('shows Phòng Nội vụ, in the notification centre, the exact email xa-dong received', async () => {
    const { mail } = await reminderMail();
    const scheduledAt = `${mail.parsed.headers.get('x-dondoc-scheduled-at') as string}`;
    const key = momentMessageKey(CYCLE, scheduledAt, 'email', 'xa-dong@thu-nghiem.example');
    const page = await browser.newPage();
    await loginInBrowser(page, `${web.url}/cycles/cycle-small/2031/messages?status=sent`);
    const row = page.locator(`tr[data-key="${key}"]`);
    expect(await row.textContent()).toContain('Đã gửi');
    await Promise.all([page.waitForURL(/\/messages\/dondoc/), row.locator('a', { hasText: 'Xem' }).click()]);
    expect(await page.textContent('#email-subject')).toBe(mail.parsed.subject);
    expect((await page.textContent('#email-text'))?.trim()).toBe(mail.parsed.text?.trim());
    const iframe = page.locator('iframe.email');
    expect(await iframe.getAttribute('sandbox')).toBe('');
    expect(await iframe.getAttribute('src')).toMatch(/\/email\.html$/);
    const frame = await (await iframe.elementHandle())?.contentFrame();
    await frame?.waitForSelector('text=Báo cáo kết quả 6 tháng'); // the HTML as sent, rendered in its frame
    await iframe.scrollIntoViewIfNeeded(); // Chromium paints an out-of-process frame once it is in view
    await page.screenshot({ path: path.join(ARTIFACTS, '5-message-as-sent.png'), fullPage: true });
    await iframe.screenshot({ path: path.join(ARTIFACTS, '6-email-html-as-sent.png') });
    await page.close();
  });
});
