import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createInboxToken } from '../../links/inbox-token';
import { keyRing } from '../../links/key-ring';
import { INBOX_PURPOSE } from '../../links/link-signer';
import { CYCLE_SMALL, startTestStack, type TestStack } from '../helpers/stack';
import { buildTestApp, cookiesOf, csrfOf, login } from './web-harness';

const SECOND_PLAN = path.resolve(__dirname, '..', 'fixtures', 'plans', 'inbox-second.yaml');
const STACK_TRACE = /\n\s+at /;

/** The VEVENT blocks of an iCalendar text, by UID. */
function eventsOf(ics: string): Map<string, string> {
  const events = new Map<string, string>();
  for (const block of ics.split('BEGIN:VEVENT').slice(1)) {
    const uid = /\r\nUID:([^\r\n]+)/.exec(block)?.[1];
    if (uid) events.set(uid, block.split('END:VEVENT')[0] ?? '');
  }
  return events;
}

describe('a unit inbox /i/<token> across plans (dev server, real worker)', () => {
  let stack: TestStack;
  let app: FastifyInstance;
  const secret = randomBytes(32);
  const inboxKey = keyRing({ current: secret, previous: [] }, INBOX_PURPOSE).signing;
  const tokenOf = (unitId: string, generation = 1) => createInboxToken(inboxKey, { unitId, generation });

  /** The page, once Temporal's visibility lists both cycles (it lags a start by a moment). */
  async function inboxShowingBothPlans(token: string) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const page = await app.inject({ method: 'GET', url: `/i/${token}` });
      if (page.statusCode === 200 && page.body.includes('Báo cáo công tác tuyên truyền')) {
        if (page.body.includes('Báo cáo kết quả 6 tháng')) return page;
      }
      if (Date.now() > deadline) throw new Error(`the inbox never showed both plans: ${page.statusCode}\n${page.body}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }

  const feed = async (token: string) => {
    app.cycles.forget({ planId: 'cycle-small', year: 2031 }, 'xa-dong');
    const response = await app.inject({ method: 'GET', url: `/i/${token}/han-nop.ics` });
    expect(response.statusCode).toBe(200);
    return response;
  };

  beforeAll(async () => {
    stack = await startTestStack({ links: { secret, publicBaseUrl: 'http://dondoc.test' } });
    ({ app } = await buildTestApp(stack, { linkSecret: secret, statusCacheMs: 0 }));
    for (const planFile of [CYCLE_SMALL, SECOND_PLAN]) {
      const prepared = await stack.core.prepare({ planFile, year: 2031, channels: { zns: false, oa: false } });
      await stack.core.start(prepared);
    }
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await stack?.teardown();
  });

  it("lists every obligation of the unit in both plans' running cycles, open ones first by due date", async () => {
    const page = await inboxShowingBothPlans(tokenOf('xa-dong'));
    const body = page.body;
    expect(body).toContain('Việc của UBND xã Đông');
    expect(body).toContain('Kế hoạch thử nghiệm chu kỳ năm 2031');
    expect(body).toContain('Kế hoạch tuyên truyền cải cách hành chính năm 2031');
    const order = ['Xây dựng kế hoạch triển khai', 'Báo cáo kết quả 6 tháng', 'Báo cáo công tác tuyên truyền'].map(
      (title) => body.indexOf(title),
    );
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(body).toContain('12/05/2031');
    expect(body).toContain('15/06/2031');
    expect(body.match(/>Chưa nộp</g)?.length).toBe(3);
    expect(body).toMatch(/còn \d+ ngày làm việc/);
    // Each obligation's own submission page, on this host.
    expect(body.match(/href="\/s\/v1\.[\w-]+\.[\w-]+"/g)?.length).toBe(3);
    // The calendar subscription, as webcal:// and as http(s).
    expect(body).toContain(`webcal://localhost:80/i/${tokenOf('xa-dong')}/han-nop.ics`);
    expect(body).toContain(`http://localhost:80/i/${tokenOf('xa-dong')}/han-nop.ics`);
    expect(body).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(page.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(body).not.toContain('<script');
  });

  it('the calendar feed moves an extended deadline (SEQUENCE up) and drops a waived one', async () => {
    const token = tokenOf('xa-dong');
    await inboxShowingBothPlans(token);
    const before = await feed(token);
    expect(before.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const uid = 'cycle-small.2031.xa-dong.bao-cao@dondoc';
    const waivedUid = 'cycle-small.2031.xa-dong.ke-hoach@dondoc';
    const eventsBefore = eventsOf(before.body);
    expect([...eventsBefore.keys()].sort()).toEqual(
      [uid, waivedUid, 'inbox-second.2031.xa-dong.tuyen-truyen@dondoc'].sort(),
    );
    expect(eventsBefore.get(uid)).toContain('DTSTART;VALUE=DATE:20310512');
    expect(eventsBefore.get(uid)).toContain('SEQUENCE:0');
    expect(before.body).toContain('X-PUBLISHED-TTL:PT1H');
    // The same bytes while nothing changes: calendar apps see no edit.
    expect((await feed(token)).body).toBe(before.body);

    const target = { planId: 'cycle-small', year: 2031, unitId: 'xa-dong' };
    await stack.core.extend({ ...target, obligationId: 'bao-cao' }, { newDueDate: '2031-05-30', reason: 'Mưa bão' });
    const extended = eventsOf((await feed(token)).body).get(uid);
    expect(extended).toContain('DTSTART;VALUE=DATE:20310530');
    expect(extended).toContain('SEQUENCE:1');
    expect(extended).toMatch(/LAST-MODIFIED:\d{8}T\d{6}Z/);

    await stack.core.waive({ ...target, obligationId: 'ke-hoach' }, { reason: 'Không thuộc phạm vi', by: 'pnv' });
    const after = eventsOf((await feed(token)).body);
    expect(after.has(waivedUid)).toBe(false);
    expect(after.has(uid)).toBe(true);

    const page = await app.inject({ method: 'GET', url: `/i/${token}` });
    expect(page.body).toContain('Đã gia hạn đến 30/05/2031');
    expect(page.body).toContain('Được miễn');
  });

  it('answers a unit with no cycle in force, a bad signature and garbage clearly, without a stack trace', async () => {
    const token = tokenOf('xa-dong');
    const [version, body, signature] = token.split('.') as [string, string, string];
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    const cases: [string, number, string][] = [
      [tokenOf('xa-khong-co'), 410, 'không có kế hoạch nào đang thực hiện'],
      [`${version}.${body}.${flipped}`, 403, 'đã bị thay đổi'],
      [createInboxToken(randomBytes(32), { unitId: 'xa-dong', generation: 1 }), 403, 'đã bị thay đổi'],
      ['garbage', 400, 'không đúng dạng'],
    ];
    for (const [bad, status, words] of cases) {
      for (const url of [`/i/${bad}`, `/i/${bad}/han-nop.ics`]) {
        const response = await app.inject({ method: 'GET', url });
        expect([url, response.statusCode]).toEqual([url, status]);
        expect(response.body).toContain(words);
        expect(response.body).not.toMatch(STACK_TRACE);
      }
    }
  });

  it('the dashboard shows the link and revokes it (CSRF required): the old link answers 410 at once', async () => {
    const old = tokenOf('xa-dong');
    await inboxShowingBothPlans(old);
    const session = await login(app);
    const unitPage = await app.inject({
      method: 'GET',
      url: '/cycles/inbox-second/2031/units/xa-dong',
      cookies: session.cookies,
    });
    expect(unitPage.statusCode).toBe(200);
    expect(unitPage.body).toContain(`/i/${old}`);
    expect(unitPage.body).toContain('Thu hồi và cấp liên kết mới');
    const url = '/cycles/inbox-second/2031/units/xa-dong/inbox/revoke';

    const noCsrf = await app.inject({ method: 'POST', url, cookies: session.cookies, payload: { generation: '1' } });
    expect(noCsrf.statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: `/i/${old}` })).statusCode).toBe(200);
    const noLogin = await app.inject({ method: 'POST', url, payload: { generation: '1' } });
    expect(noLogin.statusCode).not.toBe(303);
    expect((await app.inject({ method: 'GET', url: `/i/${old}` })).statusCode).toBe(200);

    const form = { _csrf: csrfOf(unitPage.body), generation: '1' };
    const cookies = cookiesOf(unitPage, session.cookies);
    const revoked = await app.inject({ method: 'POST', url, cookies, payload: form });
    expect(revoked.statusCode).toBe(303);
    expect(revoked.headers.location).toBe('/cycles/inbox-second/2031/units/xa-dong?done=inbox');
    // The same form again revokes nothing more.
    expect((await app.inject({ method: 'POST', url, cookies, payload: form })).statusCode).toBe(303);

    const gone = await app.inject({ method: 'GET', url: `/i/${old}` });
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('Liên kết đã bị thu hồi');
    expect((await app.inject({ method: 'GET', url: `/i/${old}/han-nop.ics` })).statusCode).toBe(410);

    const after = await app.inject({ method: 'GET', url: revoked.headers.location!, cookies });
    const fresh = tokenOf('xa-dong', 2);
    expect(after.body).toContain(`/i/${fresh}`);
    expect(after.body).toContain('Đã thu hồi liên kết cũ');
    expect((await app.inject({ method: 'GET', url: `/i/${fresh}` })).statusCode).toBe(200);

    // A reminder sent from now on carries the new link, never the revoked one.
    await stack.core.resend(
      { planId: 'inbox-second', year: 2031, unitId: 'xa-dong', obligationId: 'tuyen-truyen' },
      { by: 'pnv' },
    );
    const deadline = Date.now() + 60_000;
    let texts: string[] = [];
    while (!texts.some((text) => text.includes(`Xem mọi việc của đơn vị: http://dondoc.test/i/${fresh}`))) {
      if (Date.now() > deadline) throw new Error(`no reminder with the new link:\n${texts.join('\n---\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      texts = stack.channels.smtp
        .messages()
        .filter((m) => m.parsed.headers.get('x-dondoc-unit') === 'xa-dong')
        .map((m) => m.parsed.text ?? '');
    }
    expect(texts.join('\n')).not.toContain(old);
  });
});

describe('the inbox rate limit (no Temporal needed: counted before anything is read)', () => {
  it('answers 429 in Vietnamese once one link was read too often in a minute, other links unaffected', async () => {
    const { app } = await buildTestApp(undefined, { inboxReadsPerLinkPerMinute: 2 });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await app.inject({ method: 'GET', url: '/i/garbage' })).statusCode);
      expect(statuses).toEqual([400, 400, 429]);
      // The feed has its own budget (calendar apps poll it), limited the same way.
      const feed = () => app.inject({ method: 'GET', url: '/i/garbage/han-nop.ics' });
      expect([(await feed()).statusCode, (await feed()).statusCode]).toEqual([400, 400]);
      const limited = await feed();
      expect(limited.statusCode).toBe(429);
      expect(limited.body).toContain('quá nhiều lần');
      expect((await app.inject({ method: 'GET', url: '/i/other' })).statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });
});
