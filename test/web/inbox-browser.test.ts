import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startWebServer, type RunningWebServer } from '../../web/server';
import { freePort } from '../../workers/port-check';
import { CYCLE_SMALL, startTestStack, type TestStack } from '../helpers/stack';
import { artifactsDir, launchChromium } from './chromium';
import { buildTestApp } from './web-harness';

const ARTIFACTS = artifactsDir('inbox');
const SECOND_PLAN = path.resolve(__dirname, '..', 'fixtures', 'plans', 'inbox-second.yaml');
/** A minimal but real PDF: the web checks the content, not the name. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe("a unit's inbox opened from its reminder, in a real browser (headless Chromium)", () => {
  let stack: TestStack;
  let web: RunningWebServer;
  let browser: Browser;
  const secret = randomBytes(32);

  beforeAll(async () => {
    const port = await freePort();
    stack = await startTestStack({ links: { secret, publicBaseUrl: `http://127.0.0.1:${port}` } });
    const { app } = await buildTestApp(stack, { linkSecret: secret, statusCacheMs: 0 });
    web = await startWebServer(app, { host: '127.0.0.1', port });
    browser = await launchChromium();

    // The second plan's cycle runs in its own time (nothing due yet); cycle-small starts a few seconds before
    // xa-dong's first reminder about its report, in plan time.
    await stack.core.start(
      await stack.core.prepare({ planFile: SECOND_PLAN, year: 2031, channels: { zns: false, oa: false } }),
    );
    const prepared = await stack.core.prepare({
      planFile: CYCLE_SMALL,
      year: 2031,
      channels: { zns: false, oa: false },
    });
    const item = prepared.schedule.items.find((i) => i.unit === 'xa-dong' && i.obligation === 'bao-cao')!;
    const reminder = item.events.find((e) => e.type === 'reminder')!;
    const clockShiftMs = Date.parse(reminder.at) - 3000 - Date.now();
    await stack.core.start({ ...prepared, input: { ...prepared.input, clockShiftMs } });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await stack?.teardown();
  });

  /** xa-dong's reminder in the SMTP capture, and the inbox link in its text. */
  async function inboxLinkFromReminder(): Promise<{ text: string; link: string }> {
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      const mail = stack.channels.smtp
        .messages()
        .find((m) => m.parsed.headers.get('x-dondoc-unit') === 'xa-dong' && m.parsed.text?.includes('/i/'));
      const link = mail?.parsed.text?.match(/Xem mọi việc của đơn vị: (http:\/\/127\.0\.0\.1:\d+\/i\/[\w.-]+)/)?.[1];
      if (mail?.parsed.text && link) return { text: mail.parsed.text, link };
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('no reminder with an inbox link arrived');
  }

  /** The inbox once both cycles are listed (Temporal's visibility follows a start by a moment). */
  async function openInbox(page: Page, link: string): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const response = await page.goto(link);
      const body = (await page.textContent('body')) ?? '';
      if (response?.status() === 200 && body.includes('Báo cáo công tác tuyên truyền')) {
        if (body.includes('Báo cáo kết quả 6 tháng')) return;
      }
      if (Date.now() > deadline) throw new Error(`the inbox never showed both plans:\n${body}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }

  /** Nothing reaches beyond the viewport's width. */
  const noHorizontalOverflow = (page: Page) =>
    page.evaluate(() => {
      const { documentElement } = (
        globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
      ).document;
      return documentElement.scrollWidth <= documentElement.clientWidth;
    });

  it('takes the inbox link from the reminder, sees both plans, submits one obligation and sees it submitted', async () => {
    const { text, link } = await inboxLinkFromReminder();
    expect(text).toContain('Để nộp, anh/chị có thể trả lời thư này');
    expect(text).not.toContain('Vui lòng không trả lời');

    const page = await browser.newPage({ viewport: { width: 390, height: 844 } }); // a phone
    await openInbox(page, link);
    await page.screenshot({ path: path.join(ARTIFACTS, '1-inbox.png'), fullPage: true });
    const body = (await page.textContent('body')) ?? '';
    expect(body).toContain('Kế hoạch thử nghiệm chu kỳ năm 2031');
    expect(body).toContain('Kế hoạch tuyên truyền cải cách hành chính năm 2031');
    expect(body).toContain('Xây dựng kế hoạch triển khai');
    expect(body).toContain('webcal://');
    expect(await noHorizontalOverflow(page)).toBe(true);

    const card = page.locator('.inbox-item[data-plan="inbox-second"][data-obligation="tuyen-truyen"]');
    expect(await card.textContent()).toContain('Chưa nộp');
    await Promise.all([page.waitForURL(/\/s\/v1\./), card.locator('a', { hasText: 'Nộp' }).click()]);
    expect(await page.textContent('body')).toContain('Báo cáo công tác tuyên truyền cải cách hành chính');
    await page.fill('input[name="documentNumber"]', '12/BC-UBND');
    await page.fill('input[name="submittedBy"]', 'Nguyễn Thị Hoa');
    await page.setInputFiles('input[name="files"]', {
      name: 'bao-cao-tuyen-truyen.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("Nộp")')]);
    expect(await page.textContent('body')).toContain('Đã nhận văn bản');
    await page.screenshot({ path: path.join(ARTIFACTS, '2-receipt.png'), fullPage: true });

    await page.goto(link);
    const submitted = page.locator('.inbox-item[data-plan="inbox-second"][data-obligation="tuyen-truyen"]');
    const after = (await submitted.textContent()) ?? '';
    expect(after).toContain('Đã nộp');
    expect(after).toContain('12/BC-UBND');
    expect(after).toContain('bao-cao-tuyen-truyen.pdf');
    expect(await submitted.getAttribute('class')).toContain('done');
    expect(await noHorizontalOverflow(page)).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, '3-inbox-after.png'), fullPage: true });
    await page.close();

    // The calendar feed drops what was submitted, and keeps what is still due.
    const feed = await (await fetch(`${link}/han-nop.ics`)).text();
    expect(feed).not.toContain('UID:inbox-second.2031.xa-dong.tuyen-truyen@dondoc');
    expect(feed).toContain('UID:cycle-small.2031.xa-dong.bao-cao@dondoc');

    // The receipt email carries the same inbox link.
    const deadline = Date.now() + 60_000;
    const receiptText = () =>
      stack.channels.smtp
        .messages()
        .find((m) => m.parsed.subject?.startsWith('[Xác nhận đã nhận] Báo cáo công tác tuyên truyền'))?.parsed.text;
    while (!receiptText()) {
      if (Date.now() > deadline) throw new Error('no receipt email arrived');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(receiptText()).toContain(`Xem mọi việc của đơn vị: ${link}`);
  });
});
