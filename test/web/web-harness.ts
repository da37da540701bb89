import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { CycleCore } from '../../cycles';
import { openDatabase, type OpenedDatabase } from '../../db/open-database';
import { createAccessStores, type AccessStores, type ApiScope } from '../../db/stores';
import type { InboundStore } from '../../db/stores/inbound-store';
import { createDispatchStores } from '../../db/stores/message-store';
import type { ContactProblemStore, MessageStore } from '../../domain/dispatch/message-record';
import { hashPassword } from '../../links/password-hash';
import { createSubmissionToken, type SubmissionClaims } from '../../links/submission-token';
import { buildApp } from '../../web/app';
import type { WebConfig } from '../../web/web-config';
import { testCore, type TestStack } from '../helpers/stack';

export const PASSWORD = 'mật-khẩu-thử';

export interface WebApp {
  app: FastifyInstance;
  secret: Buffer;
  /** The app's accounts, sessions and tokens (one in-memory database per test file). */
  access: AccessStores;
  /** The notification centre's stores the app reads (the same database): tests seed messages through them. */
  messages: MessageStore;
  contactProblems: ContactProblemStore;
  /** A bearer token with every scope. */
  apiToken: string;
  /** A new bearer token with these scopes only. */
  tokenWith(...scopes: ApiScope[]): Promise<string>;
  token(claims: Omit<SubmissionClaims, 'exp'> & { exp?: number }): string;
}

let database: Promise<OpenedDatabase> | undefined;

/** One in-memory database per test file, opened when first needed. */
export function testDatabase(): Promise<OpenedDatabase> {
  database ??= openDatabase({ memory: true });
  return database;
}

afterAll(async () => {
  if (database) await (await database).close();
  database = undefined;
});

/**
 * The app on a test stack (real workflows), or on a client of a server that is not there (`stack` undefined).
 * `linkSecret` defaults to a random one (pass the stack's when its reminders must carry links the app accepts);
 * `previousSecrets` are the ones still accepted for verification. The user `pnv` has the password PASSWORD.
 */
export async function buildTestApp(
  stack: TestStack | undefined,
  overrides: Partial<WebConfig> & {
    now?: () => Date;
    linkSecret?: Buffer;
    previousSecrets?: Buffer[];
    taskQueue?: string;
    /** The app's core, instead of the stack's (e.g. one with a fixed clock). */
    core?: CycleCore;
    /** Serves `/codec` with this codec (the stack's is `testPayloadCodec`). */
    payloadCodec?: PayloadCodec;
    /** The inbound mail store the `/inbound` pages read. */
    inbound?: InboundStore;
  } = {},
): Promise<WebApp> {
  const { now, linkSecret, previousSecrets, taskQueue, core: givenCore, payloadCodec, inbound, ...config } = overrides;
  const secret = linkSecret ?? randomBytes(32);
  // The stack's database when there is one (its CLI runs see the same accounts), else one per test file.
  const db = stack?.db ?? (await testDatabase()).db;
  const access = createAccessStores(db);
  const { messages, contactProblems, inboxes } = createDispatchStores(db);
  if (!(await access.users.find('pnv'))) await access.users.add('pnv', await hashPassword(PASSWORD), new Date());
  const tokenWith = async (...scopes: ApiScope[]) =>
    (await access.apiTokens.create(`thử ${scopes.join(',')}`, scopes, new Date())).token;
  const core =
    givenCore ??
    (stack && taskQueue === undefined
      ? stack.core
      : testCore({
          client: stack?.client ?? new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) }),
          taskQueue: taskQueue ?? 'nobody-polls-this',
          dataDir: stack?.dataDir ?? path.join(__dirname, 'no-data'),
          db,
        }));
  const app = await buildApp({
    config: { namespace: 'default', ...config },
    core,
    access,
    messages,
    contactProblems,
    inboxes,
    secrets: { current: secret, previous: previousSecrets ?? [] },
    ...(now && { now }),
    ...(payloadCodec && { payloadCodec }),
    ...(inbound && { inbound }),
  });
  const token: WebApp['token'] = (claims) =>
    createSubmissionToken(secret, { exp: Math.floor(Date.now() / 1000) + 3600, ...claims });
  return {
    app,
    secret,
    access,
    messages,
    contactProblems,
    apiToken: await tokenWith('read', 'submit', 'paper'),
    tokenWith,
    token,
  };
}

/** `name=value` pairs of the Set-Cookie headers, for the next request's Cookie header. */
export function cookiesOf(
  response: LightMyRequestResponse,
  previous: Record<string, string> = {},
): Record<string, string> {
  const jar = { ...previous };
  for (const cookie of response.cookies as { name: string; value: string }[]) jar[cookie.name] = cookie.value;
  return jar;
}

export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error(`no CSRF field in:\n${html.slice(0, 500)}`);
  return match[1];
}

/** Logs `pnv` in; the cookies carry the session and the CSRF id, `csrf` the token for forms. */
export async function login(app: FastifyInstance): Promise<{ cookies: Record<string, string>; csrf: string }> {
  const page = await app.inject({ method: 'GET', url: '/login' });
  let cookies = cookiesOf(page);
  const csrf = csrfOf(page.body);
  const response = await app.inject({
    method: 'POST',
    url: '/login',
    cookies,
    payload: { username: 'pnv', password: PASSWORD, _csrf: csrf },
  });
  if (response.statusCode !== 303) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  cookies = cookiesOf(response, cookies);
  return { cookies, csrf };
}

/** One field of a multipart form: a value, or a file. */
export type FormPart = [string, string | { filename: string; content: Buffer }];

/** A multipart body as a browser sends it, fields in order (the CSRF field first). */
export async function multipart(parts: FormPart[]): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [name, value] of parts) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, new Blob([value.content]), value.filename);
  }
  const response = new Response(form);
  return {
    payload: Buffer.from(await response.arrayBuffer()),
    headers: { 'content-type': response.headers.get('content-type') ?? '' },
  };
}

/** Every stored file under <dataDir>/files, as `<shard>/<sha>`, temporary ones included. */
export async function storedFiles(dataDir: string): Promise<string[]> {
  const root = path.join(dataDir, 'files');
  const entries = await readdir(root).catch(() => [] as string[]);
  const nested = await Promise.all(
    entries.map(async (entry) =>
      (await readdir(path.join(root, entry)).catch(() => [''])).map((f) => (f ? `${entry}/${f}` : entry)),
    ),
  );
  return nested.flat().sort();
}
