import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ADMIN_PREFIX, handleAdmin } from './admin-routes';
import { readFakeRequest, sendJson, type FakeRequest } from './fake-http';
import type { FakeOutcome, FakeZaloOptions } from './fake-options';
import { FakeZaloState, type ReceivedRequest } from './fake-state';
import { sendConsultation } from './oa-routes';
import { accessToken } from './oauth-route';
import { messageQuota, messageStatus, sendTemplate } from './zns-routes';

type Route = (state: FakeZaloState, req: FakeRequest, res: ServerResponse) => void;

/** One server plays all three Zalo hosts: point the ZNS, OA and OAuth base URLs at it. */
const ROUTES: Record<string, Route> = {
  'POST /message/template': sendTemplate,
  'GET /message/status': messageStatus,
  'GET /message/quota': messageQuota,
  'POST /v3.0/oa/message/cs': sendConsultation,
  'POST /v4/oa/access_token': accessToken,
};

export interface FakeZaloServer {
  /** `http://127.0.0.1:<port>`, the base URL of every Zalo API it fakes. */
  url: string;
  port: number;
  /** Every API request received so far (not the admin ones), oldest first. */
  received(): ReceivedRequest[];
  /** Scripts the answers for a phone number, an OA user id or `oauth`; undefined clears the script. */
  script(key: string, outcome: FakeOutcome | undefined): void;
  currentRefreshToken(): string;
  /** Makes every access token issued so far expired (-220 from now on). */
  expireAccessTokens(): void;
  reset(): void;
  /** Stops listening and drops every connection, including hanging ones. */
  close(): Promise<void>;
}

/** A fake of Zalo's ZNS, OA v3 and OAuth v4 APIs on a real socket, following docs/reference zalo-api.md §6. */
export async function startFakeZaloServer(options: FakeZaloOptions = {}): Promise<FakeZaloServer> {
  const state = new FakeZaloState(options);
  const server = createServer((req, res) => {
    handle(state, req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: -1, message: String(err) });
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port: options.port ?? 0 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    received: () => state.received.map((request) => ({ ...request })),
    script: (key, outcome) => state.script(key, outcome),
    currentRefreshToken: () => state.refreshToken,
    expireAccessTokens: () => state.expireAccessTokens(),
    reset: () => state.reset(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function handle(state: FakeZaloState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const request = await readFakeRequest(req, state.settings.now());
  if (request.path.startsWith(ADMIN_PREFIX)) return handleAdmin(state, request, res);
  const { contentType: _contentType, malformed: _malformed, ...received } = request;
  state.received.push(received);
  const route = ROUTES[`${request.method} ${request.path}`];
  if (route) return route(state, request, res);
  sendJson(res, 404, { error: -404, message: `No such endpoint: ${request.method} ${request.path}` });
}
