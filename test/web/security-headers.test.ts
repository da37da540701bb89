import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { inlineStyleHashes } from '../../web/views/inline-style-hashes';
import { defaultViewDir } from '../../web/views/page-renderer';
import { buildTestApp, login } from './web-harness';

jest.setTimeout(30_000);

const TEMPLATES = defaultViewDir();
const template = (name: string) => readFileSync(path.join(TEMPLATES, name), 'utf8');

describe('security headers on every response (no Temporal needed)', () => {
  let app: FastifyInstance;
  beforeAll(async () => ({ app } = await buildTestApp(undefined)));
  afterAll(async () => app.close());

  it('a page: a CSP without script that allows exactly its <style> block, and the helmet-style headers', async () => {
    const page = await app.inject({ method: 'GET', url: '/login' });
    expect(page.statusCode).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp.split('; ')).toEqual([
      "default-src 'none'",
      `style-src ${inlineStyleHashes(page.body).join(' ')}`,
      "img-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ]);
    expect(inlineStyleHashes(page.body)).toHaveLength(1);
    expect(csp).not.toMatch(/script-src|unsafe-inline|unsafe-eval/);
    expect(page.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    });
    expect(page.headers['strict-transport-security']).toBeUndefined();
  });

  it('every page of the layout (signed in, an error, a 404) carries the same policy, and it covers its styles', async () => {
    const { cookies } = await login(app);
    const pages = [
      await app.inject({ method: 'GET', url: '/account', cookies }),
      await app.inject({ method: 'GET', url: '/no-such-page' }),
      await app.inject({ method: 'POST', url: '/logout' }), // 403, no CSRF token
    ];
    expect(pages.map((p) => p.statusCode)).toEqual([200, 404, 403]);
    for (const page of pages) {
      const csp = String(page.headers['content-security-policy']);
      for (const hash of inlineStyleHashes(page.body)) expect(csp).toContain(hash);
      expect(page.body).not.toMatch(/<script|\son[a-z]+=|\sstyle=/i);
      expect(page.headers['x-frame-options']).toBe('DENY');
    }
    const api = await app.inject({ method: 'GET', url: '/api/v1/cycles/x/2031' });
    expect(api.statusCode).toBe(401);
    expect(api.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
  });

  it('no template has a script, an event handler attribute or a style attribute; only the layout has <style>', () => {
    for (const name of readdirSync(TEMPLATES).filter((file) => file.endsWith('.eta'))) {
      const text = template(name);
      expect([name, /<script|\son[a-z]+\s*=|\sstyle\s*=/i.exec(text)?.[0]]).toEqual([name, undefined]);
      if (name !== '_style.eta') expect([name, text.includes('<style')]).toEqual([name, false]);
    }
  });

  it('HSTS only over https: believed from X-Forwarded-Proto only when the proxy is trusted (TRUST_PROXY)', async () => {
    const overHttps = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' };
    const forged = await app.inject({ method: 'GET', url: '/login', headers: overHttps });
    expect(forged.headers['strict-transport-security']).toBeUndefined();

    const behindProxy = await buildTestApp(undefined, { trustProxy: '127.0.0.1' });
    try {
      const page = await behindProxy.app.inject({
        method: 'GET',
        url: '/login',
        headers: { ...overHttps, host: 'dondoc.example.gov.vn' },
      });
      expect(page.headers['strict-transport-security']).toBe('max-age=31536000');
      // Over https the cookies are __Host- ones, whatever the host.
      expect(page.cookies.map((c) => c.name)).toEqual(['__Host-dondoc_csrf']);
      const plain = await behindProxy.app.inject({ method: 'GET', url: '/login', headers: { host: 'dondoc.lan' } });
      expect(plain.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await behindProxy.app.close();
    }
  });
});
