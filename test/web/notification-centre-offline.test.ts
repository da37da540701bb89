import { momentMessageKey } from '../../domain/dispatch/message-items';
import type { MessageRecord } from '../../domain/dispatch/message-record';
import { item, OTHER_PLAN_PROBLEM, PROBLEM, RECORDS } from './message-fixtures';
import { buildTestApp, login, type WebApp } from './web-harness';

const BASE = '/cycles/cycle-small/2031';

/** 100 reminders to one unit head, one a day from 01/04/2031: with one more message, a page and one more. */
function dailyReminders(): MessageRecord[] {
  return Array.from({ length: 100 }, (_, i) => {
    const day = new Date(Date.UTC(2031, 3, 1 + i)).toISOString().slice(0, 10);
    const scheduledAt = `${day}T08:00:00+07:00`;
    const address = 'xa-dong@thu-nghiem.example';
    return {
      key: momentMessageKey({ planId: 'cycle-small', year: 2031 }, scheduledAt, 'email', address),
      planId: 'cycle-small',
      year: 2031,
      scheduledAt,
      planDay: day,
      channel: 'email',
      via: 'email',
      address,
      personName: 'Chủ tịch UBND xã Đông',
      status: 'sent',
      items: [item('xa-dong', 'bao-cao', { level: 0, role: 'unit', at: scheduledAt, workingDays: 5 })],
    };
  });
}

describe('the notification centre without Temporal (the database alone)', () => {
  let web: WebApp;
  let cookies: Record<string, string>;

  beforeAll(async () => {
    web = await buildTestApp(undefined); // a client of a Temporal server that is not there
    for (const record of [...dailyReminders(), RECORDS.supervisor]) await web.messages.save(record);
    for (const problem of [PROBLEM, OTHER_PLAN_PROBLEM]) await web.contactProblems.add(problem);
    ({ cookies } = await login(web.app));
  });
  afterAll(async () => {
    await web?.app.close();
  });

  const get = (url: string) => web.app.inject({ method: 'GET', url, cookies });
  const rowsOf = (html: string) => [...html.matchAll(/<tr data-key="([^"]+)"/g)].map((m) => m[1]);

  it('still lists the messages and opens the email, under the plan id for want of its title', async () => {
    const started = Date.now();
    const first = await get(`${BASE}/messages`);
    expect(first.statusCode).toBe(200);
    expect(Date.now() - started).toBeLessThan(8000); // it does not wait the dashboard's 10 s Temporal deadline
    expect(first.body).toContain('← cycle-small năm 2031');
    expect(first.body).toContain('Tất cả (101)');
    // Without the plan, nobody's problem is hidden.
    expect(first.body).toContain(PROBLEM.name);
    expect(first.body).toContain(OTHER_PLAN_PROBLEM.name);
    const message = await get(`${BASE}/messages/${encodeURIComponent(RECORDS.supervisor.key)}`);
    expect(message.statusCode).toBe(200);
    expect(message.body).toContain('Email đúng như đã gửi');
  });

  it('pages the centre 100 messages at a time, newest first', async () => {
    const page = (await get(`${BASE}/messages`)).body;
    const first = rowsOf(page);
    expect(first).toHaveLength(100);
    expect(first[0]).toContain('message@2031-07-09T08:00:00+07:00');
    expect(page).toContain(`href="${BASE}/messages?page=2">Tin cũ hơn →</a>`);
    const second = await get(`${BASE}/messages?page=2`);
    expect(rowsOf(second.body)).toEqual([RECORDS.supervisor.key]);
    expect(second.body).toContain(`href="${BASE}/messages?page=1">← Tin mới hơn</a>`);
    expect(second.body).not.toContain('Tin cũ hơn');
    const sent = await get(`${BASE}/messages?status=sent&page=2`);
    expect(sent.body).toContain(`href="${BASE}/messages?status=sent&amp;page=1"`);
  });
});
