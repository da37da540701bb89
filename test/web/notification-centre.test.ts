import path from 'node:path';
import type { Browser, Locator, Page, Request } from 'playwright-core';
import { startWebServer, type RunningWebServer } from '../../web/server';
import { freePort } from '../../workers/port-check';
import { startSmallCycle, startTestStack, type TestStack } from '../helpers/stack';
import { artifactsDir, launchChromium, loginInBrowser } from './chromium';
import { OTHER_CYCLE, OTHER_PLAN_PROBLEM, PROBLEM, RECORDS, SUPERVISOR_EMAIL } from './message-fixtures';
import { buildTestApp, login, type WebApp } from './web-harness';

const ARTIFACTS = artifactsDir('notification-centre');
const BASE = '/cycles/cycle-small/2031';
const messageUrl = (key: string) => `${BASE}/messages/${encodeURIComponent(key)}`;

/** The `data-key` of each message row under `scope`. */
async function rowKeysIn(scope: Locator): Promise<(string | null)[]> {
  return Promise.all((await scope.locator('tr[data-key]').all()).map((row) => row.getAttribute('data-key')));
}

/** Each row's cells, trimmed. */
async function cellsOf(rows: Locator, cell = 'td'): Promise<string[][]> {
  return Promise.all(
    (await rows.all()).map(async (row) => (await row.locator(cell).allTextContents()).map((text) => text.trim())),
  );
}

/** Newest first; at one moment, by key. */
const NEWEST_FIRST = [
  RECORDS.leaderHeld,
  RECORDS.supervisor,
  RECORDS.leaderSecond,
  RECORDS.unknown,
  RECORDS.failed,
  RECORDS.leaderMerged,
  RECORDS.leaderFirst,
  RECORDS.skipped,
];

describe('the notification centre on the dashboard (real workflows, messages seeded in the database)', () => {
  let stack: TestStack;
  let web: WebApp;
  let server: RunningWebServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    stack = await startTestStack();
    await startSmallCycle(stack);
    web = await buildTestApp(stack, { statusCacheMs: 0 });
    for (const record of [...Object.values(RECORDS), OTHER_CYCLE]) await web.messages.save(record);
    await web.contactProblems.add(PROBLEM);
    await web.contactProblems.add(OTHER_PLAN_PROBLEM);
    server = await startWebServer(web.app, { host: '127.0.0.1', port: await freePort() });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await loginInBrowser(page, `${server.url}${BASE}`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await stack?.teardown();
  });

  const rowKeys = () => rowKeysIn(page.locator('main'));

  it('links the centre from the cycle page, with what needs attention and the contact problems', async () => {
    expect(page.url()).toBe(`${server.url}${BASE}`);
    const link = page.locator('a', { hasText: 'Trung tâm thông báo' });
    expect(await link.getAttribute('href')).toBe(`${BASE}/messages`);
    const summary = await link.locator('xpath=..').textContent();
    expect(summary).toContain('8 tin: 1 đang giữ, 1 không gửi được, 1 không rõ đã gửi chưa');
    const problems = page.locator('#contact-problems');
    expect(await problems.textContent()).toContain(
      'Hệ thống không thử lại kênh đó cho người này cho đến khi thông tin liên lạc của họ được sửa trong kế hoạch',
    );
    // Only this plan's people: the table holds every plan's problems.
    expect(await cellsOf(problems.locator('tbody tr'))).toEqual([
      [
        'Chủ tịch UBND xã Tây',
        'Email',
        'xa-tay@thu-nghiem.example',
        'EMAIL_RECIPIENT_REJECTED',
        'Máy chủ thư từ chối người nhận: 550 5.1.1 hộp thư không tồn tại',
        '19/03/2031 08:00',
      ],
    ]);
    await page.screenshot({ path: path.join(ARTIFACTS, '1-cycle-page.png'), fullPage: true });
    await Promise.all([page.waitForURL(`**${BASE}/messages`), link.click()]);
  });

  it('lists every message of the cycle, newest first, with person, channel, moment, items and reason', async () => {
    expect(await page.textContent('h1')).toBe('Trung tâm thông báo');
    expect(await rowKeys()).toEqual(NEWEST_FIRST.map((m) => m.key));
    const cells = async (key: string) => (await cellsOf(page.locator(`tr[data-key="${key}"]`)))[0] ?? [];
    const held = await cells(RECORDS.leaderHeld.key);
    expect(held.slice(0, 5)).toEqual([
      '19/03/2031 14:00',
      'Nguyễn Văn Anphochutich@thu-nghiem.example',
      'Email',
      'Đang giữ (giờ gửi / giới hạn trong ngày)',
      '1',
    ]);
    expect(held[5]).toContain('Đã đủ 1 tin trong ngày 19/03/2031 (giới hạn của lãnh đạo).');
    expect(held[5]).toContain('Gửi cùng tin kế tiếp lúc 20/03/2031 08:00');
    const failed = await cells(RECORDS.failed.key);
    expect(failed.slice(2, 4)).toEqual(['Zalo ZNS', 'Không gửi được']);
    expect(failed[5]).toContain('chưa có tài khoản Zalo');
    expect((await cells(RECORDS.supervisor.key)).slice(3, 6)).toEqual(['Đã gửi', '2', 'Gửi lúc 19/03/2031 08:00']);
    expect((await cells(RECORDS.unknown.key))[3]).toBe('Không rõ đã gửi chưa');
    expect((await cells(RECORDS.leaderMerged.key))[3]).toBe('Đã gộp vào tin sau');
    expect((await cells(RECORDS.skipped.key)).slice(1, 4)).toEqual(['UBND xã Đông', '—', 'Bỏ qua khi bắt đầu']);
    expect(await page.textContent('body')).not.toContain('cycle-other');
    const problems = await page.locator('#contact-problems').textContent();
    expect(problems).toContain('EMAIL_RECIPIENT_REJECTED');
    expect(problems).not.toContain(OTHER_PLAN_PROBLEM.name);
    await page.screenshot({ path: path.join(ARTIFACTS, '2-centre.png'), fullPage: true });
  });

  it('filters by status, and a merged message links to the one that carried its items', async () => {
    await page.selectOption('select[name="status"]', 'held');
    await Promise.all([page.waitForURL(/status=held/), page.click('button:has-text("Lọc")')]);
    expect(await rowKeys()).toEqual([RECORDS.leaderHeld.key]);
    expect(await page.locator('select[name="status"] option:checked').textContent()).toBe(
      'Đang giữ (giờ gửi / giới hạn trong ngày) (1)',
    );

    await page.selectOption('select[name="status"]', 'merged');
    await Promise.all([page.waitForURL(/status=merged/), page.click('button:has-text("Lọc")')]);
    expect(await rowKeys()).toEqual([RECORDS.leaderMerged.key]);
    await Promise.all([page.waitForURL(/\/messages\/dondoc/), page.click('a:has-text("Xem tin đã gộp vào")')]);
    expect(decodeURIComponent(page.url())).toBe(`${server.url}${BASE}/messages/${RECORDS.leaderSecond.key}`);
    const body = await page.textContent('body');
    expect(body).toContain('Gồm cả');
    expect(body).toContain('tin đã giữ của 18/03/2031 14:00');
    expect(body).toContain('Không có bản lưu của email này.');
  });

  it('opens one message: items, and the exact email as sent with its HTML in a sandboxed frame', async () => {
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    const response = await page.goto(`${server.url}${messageUrl(RECORDS.supervisor.key)}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'; style-src 'unsafe-inline'");

    const dl = await page.locator('dl').first().textContent();
    expect(dl).toContain('Đã gửi');
    expect(dl).toContain('Trưởng phòng Nội vụ');
    expect(dl).toContain('noi-vu@thu-nghiem.example');
    expect(dl).toContain('19/03/2031 08:00');
    const items = await cellsOf(page.locator('table').first().locator('tbody tr'));
    expect(items).toEqual([
      [
        'UBND xã Đông',
        'Xây dựng kế hoạch triển khai',
        '17/03/2031',
        'quá hạn 2 ngày làm việc',
        'Đôn đốc cấp 1',
        'Cơ quan theo dõi',
      ],
      [
        'UBND xã Tây',
        'Xây dựng kế hoạch triển khai',
        '17/03/2031',
        'quá hạn 2 ngày làm việc',
        'Đôn đốc cấp 1',
        'Cơ quan theo dõi',
      ],
    ]);

    expect(await page.textContent('#email-subject')).toBe(SUPERVISOR_EMAIL.subject);
    const headers = await cellsOf(page.locator('#email-headers tr'), 'th, td');
    expect(Object.fromEntries(headers)).toEqual(SUPERVISOR_EMAIL.headers);
    expect(await page.textContent('#email-text')).toBe(SUPERVISOR_EMAIL.text);

    const iframe = page.locator('iframe.email');
    expect(await iframe.getAttribute('sandbox')).toBe('');
    const copyUrl = `${server.url}${messageUrl(RECORDS.supervisor.key)}/email.html`;
    expect(new URL(`${await iframe.getAttribute('src')}`, server.url).href).toBe(new URL(copyUrl).href);
    const frame = await (await iframe.elementHandle())?.contentFrame();
    await frame?.waitForSelector('h1');
    expect(await frame?.textContent('h1')).toBe('Đôn đốc cấp 1');
    expect(await frame?.textContent('body')).toContain('«Xây dựng kế hoạch triển khai» & quá hạn.');
    expect(await frame?.locator('#ran').count()).toBe(0); // the email's script never ran
    // Nor did its image load: Chromium reports the attempt, which the policy refused before it left the browser.
    const tracking = requests.filter((request) => request.url().includes('track.png'));
    const outcomes = await Promise.all(
      tracking.map(async (request) => ((await request.response()) ? 'loaded' : request.failure()?.errorText)),
    );
    expect(outcomes.filter((outcome) => outcome !== 'csp')).toEqual([]);
    // The copy is the HTML as sent, byte for byte, under a policy of its own that forbids every fetch and script.
    const copy = await page.request.get(copyUrl);
    expect(await copy.text()).toBe(SUPERVISOR_EMAIL.html);
    expect(copy.headers()['content-security-policy']).toContain("default-src 'none'; style-src 'unsafe-inline'");
    expect(copy.headers()['content-security-policy']).toContain('sandbox');
    await page.screenshot({ path: path.join(ARTIFACTS, '3-message.png'), fullPage: true });
  });

  it('shows on a unit page the messages that mention the unit, beside what its workflow reports', async () => {
    await page.goto(`${server.url}${BASE}/units/xa-dong`);
    const section = page.locator('#messages');
    const keys = await rowKeysIn(section);
    expect(keys).toEqual(NEWEST_FIRST.filter((m) => m.items.some((i) => i.unitId === 'xa-dong')).map((m) => m.key));
    const skipped = await section.locator(`tr[data-key="${RECORDS.skipped.key}"]`).textContent();
    expect(skipped).toContain('Bỏ qua khi bắt đầu');
    expect(skipped).toContain('Chu kỳ bắt đầu muộn với --catch-up none');
    expect(skipped).toContain('Xây dựng kế hoạch triển khai — Nhắc hạn');
    expect(await section.locator(`tr[data-key="${RECORDS.supervisor.key}"]`).textContent()).toContain(
      '(tin gồm 2 mục)',
    );
    expect(await page.textContent('body')).toContain('Thông báo đã gửi'); // the workflow's own rows stay
    await page.screenshot({ path: path.join(ARTIFACTS, '4-unit.png'), fullPage: true });
  });

  it('needs a login; an unknown key, or a key of another cycle, is 404', async () => {
    const app = web.app;
    const url = messageUrl(RECORDS.supervisor.key);
    for (const anonymousUrl of [url, `${BASE}/messages`]) {
      const anonymous = await app.inject({ method: 'GET', url: anonymousUrl });
      expect(anonymous.statusCode).toBe(303);
      expect(anonymous.headers.location).toBe(`/login?next=${encodeURIComponent(anonymousUrl)}`);
      expect(anonymous.body).not.toContain(SUPERVISOR_EMAIL.subject);
    }
    // An API token reads the JSON API, never the dashboard's pages.
    const bearer = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${web.apiToken}` } });
    expect(bearer.statusCode).toBe(303);

    const { cookies } = await login(app);
    const get = (u: string) => app.inject({ method: 'GET', url: u, cookies });
    expect((await get(url)).statusCode).toBe(200);
    const held = await get(messageUrl(RECORDS.leaderHeld.key));
    expect(held.body).toContain('<dt>Giữ đến</dt><dd>20/03/2031 08:00 (gửi cùng tin kế tiếp của người này)</dd>');
    expect(held.body).toContain('Tin này đang được giữ');
    const skipped = await get(messageUrl(RECORDS.skipped.key));
    expect(skipped.body).toContain('Tin này không được gửi: chu kỳ bắt đầu muộn');
    expect(skipped.body).not.toContain('<dt>Địa chỉ</dt>');
    const unknown = await get(messageUrl(`${RECORDS.supervisor.key}x`));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Chu kỳ này không có tin nhắn nào như vậy.');
    expect((await get(messageUrl(OTHER_CYCLE.key))).statusCode).toBe(404);
    expect((await get(`/cycles/cycle-other/2031/messages/${encodeURIComponent(OTHER_CYCLE.key)}`)).statusCode).toBe(
      200,
    );
    expect((await get('/cycles/cycle-none/2031/messages')).statusCode).toBe(404);
    expect((await get(`${BASE}/messages?status=nonsense`)).statusCode).toBe(200);
  });
});
