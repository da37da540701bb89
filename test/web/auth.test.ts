import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../config/env';
import { hashPassword, verifyPassword } from '../../links/password-hash';
import { bootstrapAccounts, declaredAccounts } from '../../web/auth/bootstrap-accounts';
import { sessionCookieValue, sessionIdOf } from '../../web/auth/session-cookie';
import { devAdminPassword, parseUsers } from '../../web/auth/user-accounts';
import { buildTestApp, cookiesOf, csrfOf, login, PASSWORD, type WebApp } from './web-harness';

jest.setTimeout(30_000);

describe('dashboard authentication, CSRF and the login rate limit (no Temporal needed)', () => {
  let app: FastifyInstance;
  let web: WebApp;
  beforeEach(async () => {
    web = await buildTestApp(undefined);
    ({ app } = web);
  });
  afterEach(async () => {
    await app.close();
  });

  it('redirects pages to /login without a session, and answers 401 on the API', async () => {
    const page = await app.inject({ method: 'GET', url: '/cycles/cycle-small/2031' });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/login?next=%2Fcycles%2Fcycle-small%2F2031');
    for (const headers of [{}, { authorization: 'Bearer wrong-token' }, { authorization: `Bearer ${web.apiToken}x` }]) {
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
    expect(bad.cookies.find((c) => c.name === '__Host-dondoc_session')).toBeUndefined();

    const ok = await postLogin(PASSWORD, '/cycles/x/2031');
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/cycles/x/2031');
    const session = ok.cookies.find((c) => c.name === '__Host-dondoc_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });

    const open = await postLogin(PASSWORD, '//evil.example/');
    expect(open.headers.location).toBe('/cycles');

    const loggedIn = cookiesOf(ok, cookies);
    expect((await app.inject({ method: 'GET', url: '/account', cookies: loggedIn })).statusCode).toBe(200);
    const logout = await app.inject({ method: 'POST', url: '/logout', cookies: loggedIn, payload: { _csrf: csrf } });
    expect(logout.statusCode).toBe(303);
    expect(logout.cookies.find((c) => c.name === '__Host-dondoc_session')?.value).toBe('');
    // Logout revoked the session itself: a copy of the old cookie opens nothing.
    const replayed = await app.inject({ method: 'GET', url: '/account', cookies: loggedIn });
    expect(replayed.statusCode).toBe(303);
  });

  it('a password change revokes the sessions at once, on every app sharing the database', async () => {
    const { cookies } = await login(app);
    const other = await buildTestApp(undefined, { linkSecret: web.secret });
    try {
      expect((await other.app.inject({ method: 'GET', url: '/account', cookies })).statusCode).toBe(200);
      await web.access.users.setPassword('pnv', await hashPassword(PASSWORD), new Date());
      for (const instance of [app, other.app]) {
        expect((await instance.inject({ method: 'GET', url: '/account', cookies })).statusCode).toBe(303);
      }
    } finally {
      await other.app.close();
    }
  });

  it('/account: a password change keeps this session and ends the others', async () => {
    await web.access.users.add('doi-mk', await hashPassword('mật khẩu cũ 1'), new Date());
    const signIn = async (password: string) => {
      const page = await app.inject({ method: 'GET', url: '/login' });
      const cookies = cookiesOf(page);
      const csrf = csrfOf(page.body);
      const response = await app.inject({
        method: 'POST',
        url: '/login',
        cookies,
        payload: { username: 'doi-mk', password, _csrf: csrf },
      });
      return { status: response.statusCode, cookies: cookiesOf(response, cookies), csrf };
    };
    const here = await signIn('mật khẩu cũ 1');
    const elsewhere = await signIn('mật khẩu cũ 1');
    const page = await app.inject({ method: 'GET', url: '/account', cookies: here.cookies });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Mật khẩu hiện tại');
    const change = (payload: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/account/password',
        cookies: here.cookies,
        payload: { _csrf: here.csrf, ...payload },
      });
    expect((await change({ current: 'sai', password: 'mật khẩu mới 2', confirm: 'mật khẩu mới 2' })).statusCode).toBe(
      401,
    );
    const mismatch = await change({ current: 'mật khẩu cũ 1', password: 'mật khẩu mới 2', confirm: 'khác hẳn' });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain('không khớp');
    const done = await change({ current: 'mật khẩu cũ 1', password: 'mật khẩu mới 2', confirm: 'mật khẩu mới 2' });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Đã đổi mật khẩu');
    expect((await app.inject({ method: 'GET', url: '/account', cookies: here.cookies })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/account', cookies: elsewhere.cookies })).statusCode).toBe(303);
    expect((await signIn('mật khẩu cũ 1')).status).toBe(401);
    expect((await signIn('mật khẩu mới 2')).status).toBe(303);
  });

  it('API tokens: read for GET, submit for POST, paper for receivedAt; a revoked token is refused at once', async () => {
    const url = '/api/v1/cycles/cycle-small/2031/units/xa-dong/obligations/bao-cao/submissions';
    const as = (token: string) => ({ authorization: `Bearer ${token}` });
    const reader = await web.tokenWith('read');
    const submitter = await web.tokenWith('submit');
    // A year that is not one: a request the scopes let through is answered 404, before any call to Temporal.
    const get = (token: string) => app.inject({ method: 'GET', url: '/api/v1/cycles/x/year', headers: as(token) });
    const post = (token: string, payload: object) => app.inject({ method: 'POST', url, headers: as(token), payload });

    expect((await get(submitter)).statusCode).toBe(403);
    expect((await post(reader, { values: {} })).statusCode).toBe(403);
    const paper = await post(submitter, { channel: 'paper', receivedAt: '2031-05-01T08:00:00+07:00' });
    expect(paper.statusCode).toBe(403);
    expect(paper.json<{ error: string }>().error).toContain('«paper»');
    expect((await get(reader)).statusCode).toBe(404);

    const readerId = reader.split('_')[1] ?? '';
    expect(await web.access.apiTokens.revoke(readerId, new Date())).toBe(true);
    expect((await get(reader)).statusCode).toBe(401);
  });

  it('accepts sessions and CSRF tokens signed with a previous secret after a rotation', async () => {
    const { cookies, csrf } = await login(app);
    const rotated = await buildTestApp(undefined, { linkSecret: randomBytes(32), previousSecrets: [web.secret] });
    const unrelated = await buildTestApp(undefined, { linkSecret: randomBytes(32) });
    try {
      const page = await rotated.app.inject({ method: 'GET', url: '/account', cookies });
      expect(page.statusCode).toBe(200);
      const logout = await rotated.app.inject({ method: 'POST', url: '/logout', cookies, payload: { _csrf: csrf } });
      expect(logout.statusCode).toBe(303);
      const { cookies: fresh, csrf: freshCsrf } = await login(app);
      expect((await unrelated.app.inject({ method: 'GET', url: '/account', cookies: fresh })).statusCode).toBe(303);
      const refused = await unrelated.app.inject({
        method: 'POST',
        url: '/logout',
        cookies: fresh,
        payload: { _csrf: freshCsrf },
      });
      expect(refused.statusCode).toBe(403);
    } finally {
      await rotated.app.close();
      await unrelated.app.close();
    }
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
      cookies: { ...cookies, '__Host-dondoc_csrf': 'other' },
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

  it('reads the session id of an untouched cookie signed with the current or a previous key', () => {
    const [current, previous, other] = [Buffer.alloc(32, 1), Buffer.alloc(32, 2), Buffer.alloc(32, 3)];
    const value = sessionCookieValue(previous, 'abc');
    expect(sessionIdOf([current, previous], value)).toBe('abc');
    expect(sessionIdOf([current, other], value)).toBeUndefined();
    expect(sessionIdOf([current, previous], value.replace('abc', 'abd'))).toBeUndefined();
    expect(sessionIdOf([current], undefined)).toBeUndefined();
    expect(sessionIdOf([current], 'no-mac')).toBeUndefined();
  });
});

describe('accounts written at start', () => {
  let dataDir: string;
  beforeEach(async () => (dataDir = await mkdtemp(path.join(os.tmpdir(), 'dondoc-admin-'))));
  afterEach(async () => rm(dataDir, { recursive: true, force: true }));

  it('embedded mode: the admin password is written once (mode 0600) and reused; a restart keeps sessions', async () => {
    const { access } = await buildTestApp(undefined);
    await access.users.remove('admin');
    const config = loadConfig({ DONDOC_DATA_DIR: dataDir });
    const first = await bootstrapAccounts(await declaredAccounts(config), access.users);
    const password = (await devAdminPassword(dataDir)).password;
    expect(password).toMatch(/^[\w-]{16}$/);
    expect(first).toContain(`admin / ${password}`);
    expect((await stat(path.join(dataDir, 'secrets', 'admin-password'))).mode & 0o777).toBe(0o600);
    const session = await access.sessions.open('admin', new Date(Date.now() + 60_000));
    const second = await bootstrapAccounts(await declaredAccounts(config), access.users);
    expect(second).not.toContain(password);
    expect(await verifyPassword(password, (await access.users.find('admin'))?.passwordHash ?? '')).toBe(true);
    expect(await access.sessions.find(session, new Date())).toBeDefined();
  });

  it('an empty admin password file refuses to start, naming the file', async () => {
    const file = path.join(dataDir, 'secrets', 'admin-password');
    await devAdminPassword(dataDir);
    await writeFile(file, '\n');
    await expect(declaredAccounts(loadConfig({ DONDOC_DATA_DIR: dataDir }))).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      exitCode: 1,
      message: `${file}: the admin password file is empty (delete it to have a new password generated)`,
    });
  });

  it('DONDOC_USERS: users are upserted; a changed hash revokes the sessions, the same one keeps them', async () => {
    const { access } = await buildTestApp(undefined);
    const [hashA, hashB] = [await hashPassword('một'), await hashPassword('hai')];
    const env = (hash: string) => loadConfig({ DONDOC_DATA_DIR: dataDir, DONDOC_USERS: `ke-toan:${hash}` });
    expect(await bootstrapAccounts(await declaredAccounts(env(hashA)), access.users)).toBeUndefined();
    const session = await access.sessions.open('ke-toan', new Date(Date.now() + 60_000));
    await bootstrapAccounts(await declaredAccounts(env(hashA)), access.users);
    expect(await access.sessions.find(session, new Date())).toBeDefined();
    await bootstrapAccounts(await declaredAccounts(env(hashB)), access.users);
    expect((await access.users.find('ke-toan'))?.passwordHash).toBe(hashB);
    expect(await access.sessions.find(session, new Date())).toBeUndefined();
  });
});
