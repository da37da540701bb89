import type { FastifyInstance } from 'fastify';
import { buildTestApp, cookiesOf, csrfOf, login, multipart, PASSWORD } from './web-harness';

jest.setTimeout(60_000);

const OBLIGATION = '/cycles/cycle-small/2031/units/xa-dong/obligations/bao-cao';

/** Every state-changing dashboard route and a body it would accept (the unit actions are tried on Temporal too). */
const ROUTES: [string, Record<string, string>][] = [
  ['/login', { username: 'pnv', password: PASSWORD, next: '/account' }],
  ['/logout', {}],
  ['/account/password', { current: PASSWORD, password: 'mật khẩu mới 9', confirm: 'mật khẩu mới 9' }],
  [`${OBLIGATION}/paper`, { receivedAt: '2031-05-02T08:00', submittedBy: 'Văn thư' }],
  [`${OBLIGATION}/extend`, { newDueDate: '2031-06-30', reason: 'Lý do' }],
  [`${OBLIGATION}/waive`, { reason: 'Lý do' }],
  [`${OBLIGATION}/resend`, {}],
];

/**
 * Without Temporal: a request that got past the CSRF check would reach its handler (a session, a password, or a
 * call to Temporal that answers 503), so 403 and no session or password change show that nothing ran.
 */
describe('CSRF on every state-changing request, multipart ones included (no Temporal needed)', () => {
  let app: FastifyInstance;
  let session: { cookies: Record<string, string>; csrf: string };
  beforeAll(async () => {
    // The check above logs in again after each route: more than the default 5 attempts a minute for one name.
    ({ app } = await buildTestApp(undefined, { loginAttemptsPerMinute: 100 }));
    session = await login(app);
  });
  afterAll(async () => app.close());

  const stillSignedIn = async () =>
    (await app.inject({ method: 'GET', url: '/account', cookies: session.cookies })).statusCode === 200;

  async function forgeries(url: string, fields: Record<string, string>) {
    const wrong = `${session.csrf.slice(0, -2)}${session.csrf.endsWith('AA') ? 'BB' : 'AA'}`;
    const asMultipart = async (token?: string) =>
      multipart([...(token === undefined ? [] : [['_csrf', token] as [string, string]]), ...Object.entries(fields)]);
    const post = (extra: object) => app.inject({ method: 'POST', url, cookies: session.cookies, ...extra });
    return {
      missing: await post({ payload: fields }),
      wrong: await post({ payload: { ...fields, _csrf: wrong } }),
      otherBrowser: await app.inject({
        method: 'POST',
        url,
        cookies: { ...session.cookies, '__Host-dondoc_csrf': 'another-browser' },
        payload: { ...fields, _csrf: session.csrf },
      }),
      // The hook does not parse multipart bodies: only a route that checks the field itself may take them.
      multipartMissing: await post(await asMultipart()),
      multipartWrong: await post(await asMultipart(wrong)),
      multipartRightToken: await post(await asMultipart(session.csrf)),
      noBody: await post({}),
      json: await post({ payload: JSON.stringify(fields), headers: { 'content-type': 'application/json' } }),
    };
  }

  it.each(ROUTES)(
    '%s: a missing or wrong token, in any body type, is refused (403) and changes nothing',
    async (url, fields) => {
      const answers = await forgeries(url, fields);
      for (const [how, response] of Object.entries(answers)) {
        expect([how, response.statusCode]).toEqual([how, 403]);
        expect(response.body).toContain('Phiên làm việc không hợp lệ');
        expect(response.cookies.filter((c) => c.name.endsWith('dondoc_session'))).toEqual([]);
      }
      // Not logged out, and the password unchanged (a change would keep this session: the old password must still work).
      expect(await stillSignedIn()).toBe(true);
      const fresh = await app.inject({ method: 'GET', url: '/login' });
      const again = await app.inject({
        method: 'POST',
        url: '/login',
        cookies: cookiesOf(fresh),
        payload: { username: 'pnv', password: PASSWORD, _csrf: csrfOf(fresh.body) },
      });
      expect(again.statusCode).toBe(303);
    },
  );

  it('the right token in a form passes the check (the handler answers: here Temporal is down, 503)', async () => {
    const response = await app.inject({
      method: 'POST',
      url: `${OBLIGATION}/resend`,
      cookies: session.cookies,
      payload: { _csrf: session.csrf },
    });
    expect(response.statusCode).toBe(503);
  });

  it('the JSON API needs a bearer token instead: a session cookie alone cannot change anything', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/cycles/cycle-small/2031/units/xa-dong/obligations/bao-cao/submissions',
      cookies: session.cookies,
      payload: { submittedBy: 'A' },
    });
    expect(response.statusCode).toBe(401);
  });
});
