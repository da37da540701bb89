import type { Browser, Page } from 'playwright-core';
import { startWebServer, type RunningWebServer } from '../../web/server';
import { launchChromium } from './chromium';
import { buildTestApp, PASSWORD } from './web-harness';

jest.setTimeout(60_000);

/** What the page functions use of the browser (the project's TypeScript has no DOM library). */
interface BrowserStyle {
  getComputedStyle(element: unknown): { backgroundColor: string; maxWidth: string };
}

/** The console lines a page printed about its Content-Security-Policy (a blocked style, script or image). */
function cspViolations(page: Page): string[] {
  const lines: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) lines.push(message.text());
  });
  return lines;
}

describe('the headers and cookies in a real browser (headless Chromium, no Temporal needed)', () => {
  let web: RunningWebServer;
  let browser: Browser;
  beforeAll(async () => {
    const { app } = await buildTestApp(undefined);
    web = await startWebServer(app, { host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('the layout styles apply under the CSP (nothing blocked); login over http://127.0.0.1 keeps __Host- cookies', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations = cspViolations(page);
    await page.goto(`${web.url}/login?next=${encodeURIComponent('/account')}`);
    const header = await page.$eval(
      'header',
      (element) => (globalThis as unknown as BrowserStyle).getComputedStyle(element).backgroundColor,
    );
    expect(header).toBe('rgb(127, 29, 29)');
    const card = await page.$eval(
      '.card.narrow',
      (element) => (globalThis as unknown as BrowserStyle).getComputedStyle(element).maxWidth,
    );
    expect(card).toBe('416px');
    await page.fill('input[name="username"]', 'pnv');
    await page.fill('input[name="password"]', PASSWORD);
    await Promise.all([page.waitForURL(/\/account$/), page.click('button[type="submit"]')]);
    expect(await page.textContent('body')).toContain('Mật khẩu hiện tại');
    const cookies = await context.cookies();
    expect(cookies.map((c) => c.name).sort()).toEqual(['__Host-dondoc_csrf', '__Host-dondoc_session']);
    expect(cookies.every((c) => c.secure && c.path === '/' && c.httpOnly && c.sameSite === 'Strict')).toBe(true);
    // Logging out posts the layout's form: form-action 'self' lets it through, and the session cookie goes.
    await Promise.all([page.waitForURL(/\/login$/), page.click('header button')]);
    expect((await context.cookies()).map((c) => c.name)).toEqual(['__Host-dondoc_csrf']);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('a login link with a tab in next does not leave the site', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${web.url}/login?next=${encodeURIComponent('/\t/evil.example/')}`);
    await page.fill('input[name="username"]', 'pnv');
    await page.fill('input[name="password"]', PASSWORD);
    await Promise.all([
      page.waitForURL((url) => !url.pathname.startsWith('/login'), { waitUntil: 'commit' }),
      page.click('button[type="submit"]'),
    ]);
    expect(new URL(page.url()).origin).toBe(web.url);
    await context.close();
  });
});
