import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../config/env';
import { isLoopbackHost } from '../../web/auth/cookie-policy';
import { sameOriginPath } from '../../web/auth/same-origin-path';
import { startWebServer } from '../../web/server';
import { webConfigFromEnv } from '../../web/web-config-from-env';
import { buildTestApp, cookiesOf, csrfOf, multipart, PASSWORD } from './web-harness';

jest.setTimeout(30_000);

const ORIGIN = 'http://dondoc.example:3000';

describe('the login `next` parameter: a path on our origin, or /cycles', () => {
  const followed: [string, string][] = [
    ['/cycles/cycle-small/2031', '/cycles/cycle-small/2031'],
    ['/cycles/x/2031?status=late#u1', '/cycles/x/2031?status=late#u1'],
    ['/account', '/account'],
    ['cycles/x', '/cycles/x'],
    [`${ORIGIN}/cycles/x`, '/cycles/x'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'], // one encoded path segment, on our host
    ['/cycles/../account', '/account'],
  ];
  const refused = [
    '',
    '//evil.example',
    '//evil.example/cycles',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '\t//evil.example',
    ' //evil.example',
    '\u0000//evil.example',
    '/./\\evil.example',
    '/.//evil.example',
    '/\\/evil.example',
    'https://evil.example',
    'https:evil.example',
    'HTTPS://evil.example/',
    'http:/\\evil.example',
    'http://dondoc.example:3001/cycles',
    'https://dondoc.example:3000/cycles',
    `http://user:pass@dondoc.example:3000/cycles`,
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '//evil.example@dondoc.example:3000/',
    '///evil.example',
    'http://[::1',
  ];

  it.each(followed)('follows %j as %j', (next, path) => expect(sameOriginPath(next, ORIGIN)).toBe(path));
  it.each(refused.map((next) => [next]))('refuses %j', (next) => expect(sameOriginPath(next, ORIGIN)).toBeUndefined());

  it('the login form and POST /login apply it: a tab no longer makes an open redirect', async () => {
    const { app } = await buildTestApp(undefined);
    try {
      const page = await app.inject({ method: 'GET', url: `/login?next=${encodeURIComponent('/\t/evil.example')}` });
      expect(page.body).toContain('name="next" value="/cycles"');
      for (const [next, location] of [
        ['/\t/evil.example', '/cycles'],
        ['%2F%2Fevil.example', '/cycles'], // decoded once by the form parser: `//evil.example`
        ['/cycles/x/2031', '/cycles/x/2031'],
      ] as const) {
        const form = await app.inject({ method: 'GET', url: '/login' });
        const response = await app.inject({
          method: 'POST',
          url: '/login',
          cookies: cookiesOf(form),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: `username=pnv&password=${encodeURIComponent(PASSWORD)}&_csrf=${csrfOf(form.body)}&next=${
            next.startsWith('%') ? next : encodeURIComponent(next)
          }`,
        });
        expect([next, response.statusCode, response.headers.location]).toEqual([next, 303, location]);
      }
    } finally {
      await app.close();
    }
  });
});

describe('__Host- cookies', () => {
  let app: FastifyInstance;
  beforeAll(async () => ({ app } = await buildTestApp(undefined)));
  afterAll(async () => app.close());

  const signIn = async (host: string) => {
    const form = await app.inject({ method: 'GET', url: '/login', headers: { host } });
    const cookies = cookiesOf(form);
    const response = await app.inject({
      method: 'POST',
      url: '/login',
      headers: { host },
      cookies,
      payload: { username: 'pnv', password: PASSWORD, _csrf: csrfOf(form.body) },
    });
    expect(response.statusCode).toBe(303);
    return { form, response, cookies: cookiesOf(response, cookies) };
  };

  it('on a loopback host (as over https): __Host- names, Secure, Path=/, no Domain', async () => {
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000']) {
      const { form, response } = await signIn(host);
      const set = [...form.cookies, ...response.cookies];
      expect(set.map((c) => c.name).sort()).toEqual(['__Host-dondoc_csrf', '__Host-dondoc_session']);
      for (const cookie of set) {
        expect(cookie).toMatchObject({ secure: true, path: '/', httpOnly: true, sameSite: 'Strict' });
        expect(cookie.domain).toBeUndefined();
      }
    }
  });

  it('plain http to another host keeps plain names (a LAN address without TLS still logs in)', async () => {
    const { response, cookies } = await signIn('192.168.1.20:3000');
    expect(response.cookies.map((c) => c.name)).toEqual(['dondoc_session']);
    expect(response.cookies[0]?.secure).toBeUndefined();
    const lan = { host: '192.168.1.20:3000' };
    expect((await app.inject({ method: 'GET', url: '/account', headers: lan, cookies })).statusCode).toBe(200);
    // The same plain cookie sent to a host that uses __Host- names opens nothing: it is not read there.
    expect((await app.inject({ method: 'GET', url: '/account', cookies })).statusCode).toBe(303);
  });

  it('PUBLIC_BASE_URL https (secureCookies) gives __Host- names on any host', async () => {
    const secure = await buildTestApp(undefined, { secureCookies: true });
    try {
      const page = await secure.app.inject({ method: 'GET', url: '/login', headers: { host: 'dondoc.lan' } });
      expect(page.cookies).toMatchObject([{ name: '__Host-dondoc_csrf', secure: true, path: '/' }]);
    } finally {
      await secure.app.close();
    }
  });

  it('logout clears the __Host- session cookie with the attributes a browser needs to overwrite it', async () => {
    const { cookies, form } = await signIn('localhost');
    const logout = await app.inject({ method: 'POST', url: '/logout', cookies, payload: { _csrf: csrfOf(form.body) } });
    expect(logout.cookies).toMatchObject([{ name: '__Host-dondoc_session', value: '', secure: true, path: '/' }]);
  });

  it('knows the loopback hosts', () => {
    expect(['localhost', 'LOCALHOST', 'a.localhost', '127.0.0.1', '127.8.9.10', '[::1]'].every(isLoopbackHost)).toBe(
      true,
    );
    expect(
      ['dondoc.lan', '192.168.1.2', '10.0.0.1', '[::2]', 'localhost.example', '0.0.0.0'].some(isLoopbackHost),
    ).toBe(false);
  });
});

describe('limits: logins per IP, posts per submission link, request timeouts', () => {
  it('a per-IP login limit beside the per-name one: one address trying many names gets 429', async () => {
    const { app } = await buildTestApp(undefined, { loginAttemptsPerIpPerMinute: 3 });
    try {
      const form = await app.inject({ method: 'GET', url: '/login' });
      const attempt = (username: string, remoteAddress: string) =>
        app.inject({
          method: 'POST',
          url: '/login',
          remoteAddress,
          cookies: cookiesOf(form),
          payload: { username, password: 'sai', _csrf: csrfOf(form.body) },
        });
      for (const name of ['a', 'b', 'c']) expect((await attempt(name, '10.0.0.1')).statusCode).toBe(401);
      const limited = await attempt('d', '10.0.0.1');
      expect(limited.statusCode).toBe(429);
      expect(limited.body).toContain('Máy này đã thử đăng nhập quá nhiều lần');
      expect(limited.headers['retry-after']).toBeDefined();
      // Even the right password waits: the limit is counted before the password is checked.
      expect((await attempt('pnv', '10.0.0.1')).statusCode).toBe(429);
      expect((await attempt('d', '10.0.0.2')).statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });

  it('posts to one submission link: N a minute, then a Vietnamese 429 page; another link is not affected', async () => {
    const web = await buildTestApp(undefined, { submissionPostsPerLinkPerMinute: 2 });
    try {
      const claims = { planId: 'cycle-small', year: 2031, unitId: 'xa-dong', obligationId: 'bao-cao' };
      // Expired links: answered at once (410) without Temporal, and still counted.
      const link = web.token({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 });
      const other = web.token({ ...claims, unitId: 'xa-tay', exp: Math.floor(Date.now() / 1000) - 60 });
      const form = await web.app.inject({ method: 'GET', url: '/login' });
      const post = async (token: string, query = '') =>
        web.app.inject({
          method: 'POST',
          url: `/s/${token}${query}`,
          cookies: cookiesOf(form),
          ...(await multipart([
            ['_csrf', csrfOf(form.body)],
            ['submittedBy', 'A'],
          ])),
        });
      expect((await post(link)).statusCode).toBe(410);
      expect((await post(link, '?x=1')).statusCode).toBe(410); // a query string is the same link
      const limited = await post(link);
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['content-type']).toContain('text/html');
      expect(limited.body).toContain('Nộp quá nhiều lần');
      expect(limited.body).toContain('Vui lòng đợi một phút rồi nộp lại');
      expect((await post(other)).statusCode).toBe(410);
      expect((await web.app.inject({ method: 'GET', url: `/s/${link}` })).statusCode).toBe(410); // reading is free
    } finally {
      await web.app.close();
    }
  });

  it('sets the server timeouts (idle connection, whole request), defaults and configured', async () => {
    const defaults = await buildTestApp(undefined);
    const tuned = await buildTestApp(undefined, { connectionTimeoutMs: 5000, requestTimeoutMs: 7000 });
    try {
      expect([defaults.app.server.timeout, defaults.app.server.requestTimeout]).toEqual([120_000, 600_000]);
      expect([tuned.app.server.timeout, tuned.app.server.requestTimeout]).toEqual([5000, 7000]);
    } finally {
      await defaults.app.close();
      await tuned.app.close();
    }
  });

  it('a request whose body stops arriving is answered 408 and its connection closed (requestTimeout)', async () => {
    const { app } = await buildTestApp(undefined, { requestTimeoutMs: 1000 });
    const server = await startWebServer(app, { host: '127.0.0.1', port: 0 });
    try {
      const { port } = new URL(server.url);
      const socket = connect(Number(port), '127.0.0.1');
      const answer = new Promise<string>((resolve) => {
        let text = '';
        socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
        socket.on('close', () => resolve(text));
      });
      // The headers and the first bytes of a body the app reads before its handler, then nothing more: a stalled
      // (or slowloris) upload holds no connection longer than requestTimeout.
      socket.write(
        'POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
          'Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nusername=pnv&pass',
      );
      expect(await answer).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      await server.close();
    }
  });
});

describe('TRUST_PROXY and PUBLIC_BASE_URL → the web config', () => {
  const web = (env: Record<string, string>) => webConfigFromEnv(loadConfig({ DONDOC_DATA_DIR: 'data', ...env }));

  it('trusts no proxy unless told; true, false or addresses/CIDRs; refuses anything else in one line', () => {
    expect(web({}).trustProxy).toBe(false);
    expect(web({ TRUST_PROXY: '' }).trustProxy).toBe(false);
    expect(web({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(web({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(web({ TRUST_PROXY: '172.16.0.0/12, ::1, loopback' }).trustProxy).toBe('172.16.0.0/12, ::1, loopback');
    expect(() => web({ TRUST_PROXY: 'yes please' })).toThrow(/^TRUST_PROXY must be true, false, or the proxy/);
  });

  it('Secure __Host- cookies everywhere when PUBLIC_BASE_URL is https', () => {
    expect(web({ PUBLIC_BASE_URL: 'https://dondoc.example.gov.vn' }).secureCookies).toBe(true);
    expect(web({ PUBLIC_BASE_URL: 'http://192.168.1.20:3000' }).secureCookies).toBe(false);
  });
});
