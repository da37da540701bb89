import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PASSWORD } from './web-harness';

/** Where browser tests leave their screenshots. */
export function artifactsDir(name: string): string {
  const dir = path.resolve(__dirname, '..', '..', 'test-artifacts', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Debian's Chromium, driven by playwright-core: nothing downloads a browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Opens `url` as `pnv` would: the dashboard sends them to the login form first, then back to `url`. */
export async function loginInBrowser(page: Page, url: string): Promise<void> {
  await page.goto(url);
  if (!page.url().includes('/login')) throw new Error(`expected the login form, got ${page.url()}`);
  await page.fill('input[name="username"]', 'pnv');
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.click('button[type="submit"]')]);
}
