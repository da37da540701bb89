import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { hashPassword, verifyPassword } from '../../web/auth/password-hash';
import { createSessionValue, readSession } from '../../web/auth/session-cookie';
import { devAdminAccount, parseUsers } from '../../web/auth/user-accounts';
import { API_TOKEN, buildTestApp, cookiesOf, csrfOf, login, PASSWORD } from './web-harness';

describe('dashboard authentication, CSRF and the login rate limit (no Temporal needed)', () => {
  let app: FastifyInstance;
  beforeEach(async () => {
    ({ app } = await buildTestApp(undefined));
  });
  afterEach(async () => {
    await app.close();
  });

  it('redirects pages to /login without a session, and answers 401 on the API', async () => {
    const page = await app.inject({ method: 'GET', url: '/cycles/cycle-small/2031' });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/login?next=%2Fcycles%2Fcycle-small%2F2031');
    for (const headers of [{}, { authorization: 'Bearer wrong-token' }, { authorization: `Bearer ${API_TOKEN}x` }]) {
      const api = await app.inject({ method: 'GET', url: '/api/v1/cycles/cycle-small/2031', headers });
      expect(api.statusCode).toBe(401);
      expect(api.json()).toMatchObject({ statusCode: 401 });
      expect(api.headers['www-authenticate']).toBe('Bearer');
    }
  });

  it('logs in with the right password (HttpOnly, SameSite=Strict session), refuses a wrong one, logs out', async () => {
    const page = await app.inject({ method: 'GET', url: '/login?next=/cycles/x/2031' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Đăng nhập bảng theo dõi');
    const cookies = cookiesOf(page);
    const csrf = csrfOf(page.body);
    const postLogin = (password: string, next: string) =>
      app.inject({ method: 'POST', url: '/login', cookies, payload: { username: 'pnv', password, _csrf: csrf, next } });

    const bad = await postLogin('sai', '/cycles/x/2031');
    expect(bad.statusCode).toBe(401);
    expect(bad.body).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(bad.cookies.find((c) => c.name === 'dondoc_session')).toBeUndefined();

    const ok = await postLogin(PASSWORD, '/cycles/x/2031');
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/cycles/x/2031');
    const session = ok.cookies.find((c) => c.name === 'dondoc_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });

    const open = await postLogin(PASSWORD, '//evil.example/');
    expect(open.headers.location).toBe('/cycles');

    const loggedIn = cookiesOf(ok, cookies);
    const logout = await app.inject({ method: 'POST', url: '/logout', cookies: loggedIn, payload: { _csrf: csrf } });
    expect(logout.statusCode).toBe(303);
    expect(logout.cookies.find((c) => c.name === 'dondoc_session')?.value).toBe('');
  });

  it('refuses a form POST without, or with a wrong, CSRF token (403)', async () => {
    const { cookies, csrf } = await login(app);
    const target = '/cycles/cycle-small/2031/units/xa-dong/obligations/bao-cao/waive';
    const missing = await app.inject({ method: 'POST', url: target, cookies, payload: { reason: 'x' } });
    expect(missing.statusCode).toBe(403);
    expect(missing.body).toContain('Phiên làm việc không hợp lệ');
    const wrong = await app.inject({
      method: 'POST',
      url: target,
      cookies,
      payload: { reason: 'x', _csrf: `${csrf.slice(0, -2)}AA` },
    });
    expect(wrong.statusCode).toBe(403);
    // A token from another browser (another CSRF cookie) does not pass either.
    const other = await app.inject({
      method: 'POST',
      url: target,
      cookies: { ...cookies, dondoc_csrf: 'other' },
      payload: { reason: 'x', _csrf: csrf },
    });
    expect(other.statusCode).toBe(403);
    const loginWithout = await app.inject({
      method: 'POST',
      url: '/login',
      payload: { username: 'pnv', password: PASSWORD },
    });
    expect(loginWithout.statusCode).toBe(403);
  });

  it('rate-limits login attempts per IP and user name (429 after 5 a minute)', async () => {
    const page = await app.inject({ method: 'GET', url: '/login' });
    const cookies = cookiesOf(page);
    const attempt = (username: string) =>
      app.inject({
        method: 'POST',
        url: '/login',
        cookies,
        payload: { username, password: 'sai', _csrf: csrfOf(page.body) },
      });
    for (let i = 0; i < 5; i++) expect((await attempt('pnv')).statusCode).toBe(401);
    const limited = await attempt('pnv');
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain('thử quá nhiều lần');
    expect((await attempt('someone-else')).statusCode).toBe(401);
  });

  it('hides 5xx details: a page whose Temporal is down says only that it failed', async () => {
    const { cookies } = await login(app);
    const response = await app.inject({ method: 'GET', url: '/cycles/cycle-small/2031', cookies });
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('Hệ thống đôn đốc tạm thời không phản hồi');
    expect(response.body).not.toMatch(/\n\s+at |127\.0\.0\.1:1/);
  }, 30_000);
});

describe('passwords and sessions', () => {
  it('hashes with scrypt and verifies in constant time; DONDOC_USERS parses', async () => {
    const hash = await hashPassword('bí mật');
    expect(hash).toMatch(/^scrypt\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('bí mật', hash)).toBe(true);
    expect(await verifyPassword('bi mat', hash)).toBe(false);
    expect(await verifyPassword('bí mật', 'plain')).toBe(false);
    expect(parseUsers(`a:${hash}, b:${hash}`).get('b')).toBe(hash);
    expect(() => parseUsers('a:plaintext')).toThrow('DONDOC_USERS');
  });

  it('accepts only an untouched, unexpired session of a known user', () => {
    const key = Buffer.alloc(32, 1);
    const users = new Map([['pnv', 'scrypt$x$y']]);
    const value = createSessionValue(key, 'pnv', 1_000, 60_000);
    expect(readSession(key, value, 2_000, users)).toEqual({ user: 'pnv', exp: 61_000 });
    expect(readSession(key, value, 61_000, users)).toBeUndefined();
    expect(readSession(Buffer.alloc(32, 2), value, 2_000, users)).toBeUndefined();
    const [body, mac] = value.split('.');
    const forged = Buffer.from(JSON.stringify({ user: 'admin', exp: 9e15 })).toString('base64url');
    expect(readSession(key, `${forged}.${mac}`, 2_000, new Map([['admin', 'h']]))).toBeUndefined();
    expect(readSession(key, `${body}.${mac}`, 2_000, new Map())).toBeUndefined();
  });
});

describe('the development admin account', () => {
  it('writes a random password once (mode 0600) and reuses it', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'dondoc-admin-'));
    try {
      const first = await devAdminAccount(dataDir);
      expect(first.newPassword).toMatch(/^[\w-]{16}$/);
      expect((await stat(first.passwordFile)).mode & 0o777).toBe(0o600);
      const second = await devAdminAccount(dataDir);
      expect(second.newPassword).toBeUndefined();
      expect(await verifyPassword(first.newPassword ?? '', second.users.get('admin') ?? '')).toBe(true);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
