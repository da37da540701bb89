import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { CycleCore } from '../cycles';
import type { DondocDb } from '../db/postgres-pool';
import { createAccessStores } from '../db/stores';
import { createDispatchStores } from '../db/stores/message-store';
import { hashPassword } from '../links/password-hash';
import { buildApp } from '../web/app';

const USER = 'bench';
const PASSWORD = 'mật-khẩu-đo-đạc';

function cookiesOf(response: LightMyRequestResponse, previous: Record<string, string> = {}): Record<string, string> {
  const jar = { ...previous };
  for (const cookie of response.cookies as { name: string; value: string }[]) jar[cookie.name] = cookie.value;
  return jar;
}

/** The dashboard as `dondoc start` builds it (never listening: requests are injected), logged in as one user. */
export async function benchWebApp(
  core: CycleCore,
  db: DondocDb,
): Promise<{ app: FastifyInstance; cookies: Record<string, string> }> {
  const access = createAccessStores(db);
  const { messages, contactProblems, inboxes } = createDispatchStores(db);
  if (!(await access.users.find(USER))) await access.users.add(USER, await hashPassword(PASSWORD), new Date());
  const app = await buildApp({
    config: { namespace: 'default' },
    core,
    access,
    messages,
    contactProblems,
    inboxes,
    secrets: { current: randomBytes(32), previous: [] },
  });
  const page = await app.inject({ method: 'GET', url: '/login' });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const response = await app.inject({
    method: 'POST',
    url: '/login',
    cookies: cookiesOf(page),
    payload: { username: USER, password: PASSWORD, _csrf: csrf },
  });
  if (response.statusCode !== 303) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  return { app, cookies: cookiesOf(response, cookiesOf(page)) };
}
