import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startWebServer, type RunningWebServer } from '../../web/server';
import { freePort } from '../../workers/port-check';
import { runCliWith, startTestStack, testCore, type TestStack } from '../helpers/stack';
import { artifactsDir, launchChromium, loginInBrowser } from './chromium';
import { buildTestApp, login, type WebApp } from './web-harness';

const PLAN = path.resolve(__dirname, '..', 'fixtures', 'plans', 'cycle-charts.yaml');
const BASE = '/cycles/cycle-charts/2026';
const ARTIFACTS = artifactsDir('dashboard-charts');
/**
 * The page's "now" (the web's and its core's clock): the cycle's states, "today" and the screenshot stay the same
 * whatever the date the test runs on; the documents below were received before it (and before the real today).
 */
const NOW = new Date('2026-11-30T10:00:00+07:00');
/** The brief's path for the full-page desktop screenshot (copied by hand to docs/dashboard-charts.png). */
const SCREENSHOT = path.join(path.dirname(ARTIFACTS), 'dashboard-charts.png');

/** Paper documents received (plan time) per unit and obligation; a unit left out has not submitted. */
const RECEIVED: [unitId: string, obligationId: string, receivedAt: string][] = [
  ['phong-noi-vu', 'ke-hoach', '2026-01-12T09:00'],
  ['xa-an-binh', 'ke-hoach', '2026-01-12T10:30'],
  ['xa-dong-hoa', 'ke-hoach', '2026-01-15T14:00'],
  ['xa-hung-thinh', 'ke-hoach', '2026-01-19T08:00'],
  ['xa-my-loc', 'ke-hoach', '2026-01-20T16:00'],
  ['xa-phu-xuan', 'ke-hoach', '2026-01-26T09:00'],
  ['xa-an-binh', 'bao-cao-quy-1', '2026-04-06T09:00'],
  ['xa-dong-hoa', 'bao-cao-quy-1', '2026-04-08T09:00'],
  ['xa-hung-thinh', 'bao-cao-quy-1', '2026-04-10T15:00'],
  ['xa-my-loc', 'bao-cao-quy-1', '2026-04-20T10:00'],
  ['xa-tan-lap', 'bao-cao-quy-1', '2026-04-09T11:00'],
  ['thi-tran', 'bao-cao-quy-1', '2026-05-04T08:30'],
  ['phong-noi-vu', 'bao-cao-6-thang', '2026-07-01T09:00'],
  ['xa-an-binh', 'bao-cao-6-thang', '2026-07-03T09:00'],
  ['xa-dong-hoa', 'bao-cao-6-thang', '2026-07-08T09:00'],
  ['xa-hung-thinh', 'bao-cao-6-thang', '2026-07-17T09:00'],
  ['xa-tan-lap', 'bao-cao-6-thang', '2026-07-09T09:00'],
  ['xa-an-binh', 'tong-ket', '2026-11-20T09:00'],
];
const WAIVED: [unitId: string, obligationId: string][] = [
  ['xa-tan-lap', 'ke-hoach'],
  ['thi-tran', 'bao-cao-6-thang'],
];

/** Starts cycle-charts/2026 with the CLI and waits until its eight units answer. */
async function startChartsCycle(stack: TestStack): Promise<void> {
  const start = await runCliWith(stack.env, ['cycle', 'start', PLAN, '--year', '2026', '--catch-up', 'none']);
  if (start.code !== 0) throw new Error(`cycle start failed: ${start.stderr}`);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const run = await runCliWith(stack.env, ['cycle', 'status', 'cycle-charts/2026', '--format', 'json']);
    if (run.code === 0 && (JSON.parse(run.stdout) as { notStarted: string[] }).notStarted.length === 0) return;
    if (Date.now() > deadline) throw new Error(`the units never started:\n${run.stdout}${run.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** What the page shows, read in the browser: each table's numbers, and the same numbers from the SVG's attributes. */
interface PageNumbers {
  obligations: { table: Record<string, Record<string, number>>; svg: Record<string, Record<string, number>> };
  progress: { table: [string, number, number][]; svg: [string, number, number][] };
  lateUnits: { table: Record<string, Record<string, number>>; svg: Record<string, Record<string, number>> };
  calendar: { table: Record<string, Record<string, number>>; svg: Record<string, Record<string, number>> };
  deadlines: { table: string[]; svg: string[] };
  /** Each picture's markup re-parsed as XML: the parser's error, if any. */
  xmlErrors: string[];
}

/** The little of the DOM the page checks use (the tests compile without the DOM library). */
interface DomElement {
  id: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement> & Iterable<DomElement>;
}
interface BrowserGlobals {
  document: DomElement & { documentElement: { scrollWidth: number; clientWidth: number } };
  DOMParser: new () => { parseFromString(text: string, type: string): DomElement };
  XMLSerializer: new () => { serializeToString(node: DomElement): string };
}

function readNumbers(page: Page): Promise<PageNumbers> {
  return page.evaluate(() => {
    const { document, DOMParser, XMLSerializer } = globalThis as unknown as BrowserGlobals;
    const num = (el: DomElement | null) => Number(el?.textContent?.trim());
    const byState = (scope: DomElement, selector: string) =>
      Object.fromEntries(
        [...scope.querySelectorAll(selector)].map((el) => [
          el.getAttribute('data-state') ?? el.getAttribute('data-kind') ?? '',
          Number(el.getAttribute('data-count') ?? el.textContent?.trim()),
        ]),
      );
    const rowsOf = (chart: string, key: string) =>
      [...document.querySelectorAll(`table[data-chart="${chart}"] tbody tr[${key}]`)].map(
        (row) => [row.getAttribute(key) ?? '', row] as const,
      );
    const svgGroups = (id: string, key: string) =>
      [...document.querySelectorAll(`#${id} [${key}]`)].map((g) => [g.getAttribute(key) ?? '', g] as const);
    const calendarSvg = Object.fromEntries(
      svgGroups('chart-calendar', 'data-month').map(([month, g]) => {
        const kinds = [...g.querySelectorAll('[data-kind]')].map((c) => c.getAttribute('data-kind'));
        const count = (kind: string) => kinds.filter((k) => k === kind).length;
        return [
          month,
          {
            working: count('working') + count('working-weekend'),
            weekend: count('weekend'),
            'day-off': count('day-off'),
            'working-weekend': count('working-weekend'),
          },
        ];
      }),
    );
    return {
      obligations: {
        table: Object.fromEntries(
          rowsOf('obligations', 'data-obligation').map(([id, row]) => [
            id,
            { ...byState(row, 'td[data-state]'), total: num(row.querySelector('[data-total]')) },
          ]),
        ),
        svg: Object.fromEntries(
          svgGroups('chart-obligations', 'data-obligation').map(([id, g]) => [
            id,
            {
              'submitted-on-time': 0,
              'submitted-late': 0,
              overdue: 0,
              waived: 0,
              pending: 0,
              ...byState(g, 'rect[data-count]'),
              total: Number(g.getAttribute('data-total')),
            },
          ]),
        ),
      },
      progress: {
        table: rowsOf('progress', 'data-date').map(([date, row]) => [
          date,
          num(row.querySelector('[data-submitted]')),
          num(row.querySelector('[data-cumulative]')),
        ]),
        svg: [...document.querySelectorAll('#chart-progress circle[data-date]')].map((c) => [
          c.getAttribute('data-date') ?? '',
          Number(c.getAttribute('data-submitted')),
          Number(c.getAttribute('data-cumulative')),
        ]),
      },
      lateUnits: {
        table: Object.fromEntries(
          rowsOf('late-units', 'data-unit').map(([id, row]) => [
            id,
            { ...byState(row, 'td[data-state]'), total: num(row.querySelector('[data-total]')) },
          ]),
        ),
        svg: Object.fromEntries(
          svgGroups('chart-late-units', 'data-unit').map(([id, g]) => [
            id,
            {
              'submitted-late': 0,
              overdue: 0,
              ...byState(g, 'rect[data-count]'),
              total: Number(g.getAttribute('data-total')),
            },
          ]),
        ),
      },
      calendar: {
        table: Object.fromEntries(
          rowsOf('calendar', 'data-month').map(([month, row]) => [month, byState(row, 'td[data-kind]')]),
        ),
        svg: calendarSvg,
      },
      deadlines: {
        table: rowsOf('deadlines', 'data-date').map(([date]) => date),
        svg: [...document.querySelectorAll('#chart-progress [data-deadline]')].map(
          (g) => g.getAttribute('data-deadline') ?? '',
        ),
      },
      xmlErrors: [...document.querySelectorAll('svg.chart-svg')].flatMap((svg) => {
        const parsed = new DOMParser().parseFromString(new XMLSerializer().serializeToString(svg), 'image/svg+xml');
        const error = parsed.querySelector('parsererror');
        return error ? [`${svg.id}: ${error.textContent}`] : [];
      }),
    };
  });
}

/** How far the page reaches beyond the viewport's width, px (0: nothing overflows). */
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const { documentElement } = (globalThis as unknown as BrowserGlobals).document;
    return documentElement.scrollWidth - documentElement.clientWidth;
  });
}

describe('Tổng quan: the cycle’s pictures in Chromium, on a phone and a desktop (real workflows)', () => {
  let stack: TestStack;
  let web: WebApp;
  let server: RunningWebServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    stack = await startTestStack();
    await startChartsCycle(stack);
    const ref = { planId: 'cycle-charts', year: 2026 };
    for (const [unitId, obligationId, receivedAt] of RECEIVED)
      await stack.core.submit(
        { ...ref, unitId, obligationId },
        { channel: 'paper', receivedAt: new Date(`${receivedAt}:00+07:00`).toISOString(), submittedBy: 'Văn thư' },
      );
    for (const [unitId, obligationId] of WAIVED)
      await stack.core.waive({ ...ref, unitId, obligationId }, { reason: 'Không thuộc phạm vi', by: 'pnv' });
    const core = testCore({
      client: stack.client,
      taskQueue: stack.taskQueue,
      dataDir: stack.dataDir,
      db: stack.db,
      now: () => NOW.getTime(),
    });
    web = await buildTestApp(stack, { statusCacheMs: 0, core, now: () => NOW });
    server = await startWebServer(web.app, { host: '127.0.0.1', port: await freePort() });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // A CSP violation or a script error shows as a console error; the browser's own favicon request is no problem.
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await loginInBrowser(page, `${server.url}${BASE}`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await stack?.teardown();
  });

  it('is linked from the cycle page, which shows the per-obligation bars as an image', async () => {
    const image = page.locator('figure.chart-inline img');
    expect(await image.getAttribute('src')).toBe(`${BASE}/charts/obligations.svg`);
    expect(await image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    const svg = await page.request.get(`${server.url}${BASE}/charts/obligations.svg`);
    expect(svg.headers()['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(await svg.text()).toContain('data-obligation="ke-hoach" data-total="8"');
    await page.screenshot({ path: path.join(ARTIFACTS, 'cycle-page.png'), fullPage: true });
  });

  it('is sent with a policy that allows no script', async () => {
    const link = page.locator('a', { hasText: 'Tổng quan (biểu đồ)' });
    expect(await link.getAttribute('href')).toBe(`${BASE}/charts`);
    const [response] = await Promise.all([page.waitForResponse(`**${BASE}/charts`), link.click()]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-security-policy']).toContain("default-src 'none'; style-src 'unsafe-inline'");
    expect(await page.textContent('h1')).toBe('Tổng quan');
    expect(await page.textContent('main')).toContain('Số liệu đọc lúc 10:00 Thứ Hai 30/11/2026.');
    expect(await page.locator('figure.chart figcaption').allTextContents()).toEqual([
      'Tình trạng nộp theo từng nhiệm vụ',
      'Tiến độ nộp theo ngày (lũy kế) và các hạn nộp',
      'Đơn vị nộp trễ hoặc quá hạn nhiều nhất',
      'Lịch năm 2026: hạn nộp, ngày nghỉ và ngày làm bù',
    ]);
  });

  it('needs a session like every dashboard page, and answers 404 for a cycle that does not exist', async () => {
    for (const url of [`${BASE}/charts`, `${BASE}/charts/obligations.svg`]) {
      const anonymous = await web.app.inject({ method: 'GET', url });
      expect(anonymous.statusCode).toBe(303);
      expect(anonymous.headers.location).toContain('/login');
    }
    const session = await login(web.app);
    const missing = await web.app.inject({
      method: 'GET',
      url: '/cycles/khong-co/2026/charts',
      cookies: session.cookies,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('shows the same numbers in each table as in its picture, and the numbers are the cycle’s', async () => {
    const numbers = await readNumbers(page);
    expect(numbers.xmlErrors).toEqual([]);
    expect(numbers.obligations.table).toEqual(numbers.obligations.svg);
    expect(numbers.obligations.table).toEqual({
      'ke-hoach': { 'submitted-on-time': 5, 'submitted-late': 1, overdue: 1, waived: 1, pending: 0, total: 8 },
      'bao-cao-quy-1': { 'submitted-on-time': 4, 'submitted-late': 2, overdue: 1, waived: 0, pending: 0, total: 7 },
      'bao-cao-6-thang': { 'submitted-on-time': 4, 'submitted-late': 1, overdue: 2, waived: 1, pending: 0, total: 8 },
      // Due 15/12/2026: pending until then (one submitted early).
      'tong-ket': { 'submitted-on-time': 1, 'submitted-late': 0, overdue: 0, waived: 0, pending: 7, total: 8 },
    });
    expect(numbers.progress.table).toEqual(numbers.progress.svg);
    expect(numbers.progress.table).toHaveLength(17);
    expect(numbers.progress.table.at(-1)).toEqual(['2026-11-20', 1, RECEIVED.length]);
    expect(numbers.deadlines.table).toEqual(numbers.deadlines.svg);
    expect(numbers.deadlines.table).toEqual(['2026-01-20', '2026-04-10', '2026-07-10', '2026-12-15']);
    expect(numbers.lateUnits.table).toEqual(numbers.lateUnits.svg);
    expect(numbers.lateUnits.table).toEqual({
      'xa-phu-xuan': { 'submitted-late': 1, overdue: 2, total: 3 },
      'thi-tran': { 'submitted-late': 1, overdue: 1, total: 2 },
      'xa-my-loc': { 'submitted-late': 1, overdue: 1, total: 2 },
      'xa-hung-thinh': { 'submitted-late': 1, overdue: 0, total: 1 },
    });
    expect(numbers.calendar.table).toEqual(numbers.calendar.svg);
    // January 2026: 01–02/01 off, Saturday 10/01 worked (config/calendars/2026.yaml).
    expect(numbers.calendar.table['1']).toEqual({ working: 21, weekend: 8, 'day-off': 2, 'working-weekend': 1 });
    expect(problems).toEqual([]);
  });

  it('fits a desktop: pictures beside their tables, nothing wider than the window', async () => {
    expect(await horizontalOverflow(page)).toBe(0);
    const picture = await page.locator('#theo-nhiem-vu .chart-picture').boundingBox();
    const table = await page.locator('#theo-nhiem-vu .chart-data').boundingBox();
    expect(table?.x).toBeGreaterThan((picture?.x ?? 0) + (picture?.width ?? 0) - 1);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('fits a phone (390 px): pictures above their tables, scaled to the width, nothing overflows', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await horizontalOverflow(page)).toBe(0);
    for (const id of ['chart-obligations', 'chart-progress', 'chart-late-units', 'chart-calendar']) {
      const box = await page.locator(`#${id}`).boundingBox();
      expect(box?.width).toBeGreaterThan(300);
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    }
    const picture = await page.locator('#lich-nam .chart-picture').boundingBox();
    const table = await page.locator('#lich-nam .chart-data').boundingBox();
    expect(table?.y).toBeGreaterThanOrEqual((picture?.y ?? 0) + (picture?.height ?? 0));
    await page.screenshot({ path: path.join(ARTIFACTS, 'phone.png'), fullPage: true });
    for (const figure of ['theo-nhiem-vu', 'tien-do', 'tre-han', 'lich-nam'])
      await page.locator(`#${figure}`).screenshot({ path: path.join(ARTIFACTS, `phone-${figure}.png`) });
    await mkdir(ARTIFACTS, { recursive: true });
    await copyFile(SCREENSHOT, path.join(ARTIFACTS, 'desktop.png'));
  });
});
