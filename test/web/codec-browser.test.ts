import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultPayloadConverter } from '@temporalio/common';
import type { Browser, Page } from 'playwright-core';
import { startWebServer, type RunningWebServer } from '../../web/server';
import { testPayloadCodec } from '../helpers/temporal';
import { launchChromium, loginInBrowser } from './chromium';
import { buildTestApp } from './web-harness';

jest.setTimeout(90_000);

const PERSON = { name: 'Chủ tịch UBND xã Đông', email: 'xa-dong@thu-nghiem.example', phone: '0900000002' };

/** A page on another origin, standing for the Temporal Web UI (127.0.0.1:8233 in embedded mode). */
async function startOtherOrigin(): Promise<{ server: Server; url: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>Temporal UI</title><p>UI</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

interface Answer {
  status: number;
  body: string;
}

describe('the Temporal Web UI decoding through /codec in a real browser (headless Chromium)', () => {
  let web: RunningWebServer;
  let browser: Browser;
  let ui: { server: Server; url: string };
  let stranger: { server: Server; url: string };
  let body: string;

  beforeAll(async () => {
    [ui, stranger] = await Promise.all([startOtherOrigin(), startOtherOrigin()]);
    const { app } = await buildTestApp(undefined, { payloadCodec: testPayloadCodec, codecOrigins: [ui.url] });
    web = await startWebServer(app, { host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
    const sealed = await testPayloadCodec.encode([defaultPayloadConverter.toPayload(PERSON)]);
    body = JSON.stringify({
      payloads: sealed.map((p) => ({
        metadata: Object.fromEntries(
          Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
        ),
        data: Buffer.from(p.data ?? []).toString('base64'),
      })),
    });
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    for (const other of [ui, stranger]) other?.server.close();
  });

  /** What the UI's codec client does (`includeCredentials`): a JSON POST with the namespace, cookies included. */
  const decodeFrom = (page: Page, codecUrl: string): Promise<Answer | string> =>
    page.evaluate(
      async ([url, payloads]) => {
        try {
          const response = await fetch(`${url}/decode`, {
            method: 'POST',
            credentials: 'include',
            headers: { 'Content-Type': 'application/json', 'X-Namespace': 'default' },
            body: payloads,
          });
          return { status: response.status, body: await response.text() };
        } catch (err) {
          return String(err);
        }
      },
      [codecUrl, body] as const,
    );

  it("decodes for an operator logged in to the dashboard, from the UI's origin", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await loginInBrowser(page, `${web.url}/account`);
    await page.goto(ui.url);
    const answer = await decodeFrom(page, `${web.url}/codec`);
    expect(typeof answer).toBe('object');
    const { status, body: text } = answer as Answer;
    expect(status).toBe(200);
    const [payload] = (JSON.parse(text) as { payloads: { data: string }[] }).payloads;
    expect(JSON.parse(Buffer.from(payload?.data ?? '', 'base64').toString('utf8'))).toEqual(PERSON);
    await context.close();
  });

  it('refuses the UI without a dashboard session, and any other origin even with one', async () => {
    const anonymous = await browser.newContext();
    const page = await anonymous.newPage();
    await page.goto(ui.url);
    expect(await decodeFrom(page, `${web.url}/codec`)).toMatchObject({ status: 401 });
    await anonymous.close();

    const operator = await browser.newContext();
    const other = await operator.newPage();
    await loginInBrowser(other, `${web.url}/account`);
    await other.goto(stranger.url);
    // The preflight is refused: the browser does not even send the POST.
    expect(await decodeFrom(other, `${web.url}/codec`)).toMatch(/TypeError: Failed to fetch/);
    await operator.close();
  });
});
