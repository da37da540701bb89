import { Agent, request } from 'undici';
import { ZaloApiError } from './zalo-errors';

export interface ZaloHttpOptions {
  /** Parallel connections per Zalo host (no official rate is published). @defaultValue 5 */
  connections?: number;
  /** Milliseconds to wait for the response headers (and to connect). @defaultValue 10000 */
  headersTimeoutMs?: number;
  /** Milliseconds of silence allowed while the body arrives. @defaultValue 10000 */
  bodyTimeoutMs?: number;
}

export interface HttpReply {
  status: number;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export interface ZaloHttp {
  send(method: 'GET' | 'POST', url: string, headers: Record<string, string>, body?: string): Promise<HttpReply>;
  close(): Promise<void>;
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** One undici Agent per client, so its connection limit and timeouts apply to every Zalo call it makes. */
export function createZaloHttp(options: ZaloHttpOptions = {}): ZaloHttp {
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const agent = new Agent({
    connections: options.connections ?? 5,
    headersTimeout,
    bodyTimeout: options.bodyTimeoutMs ?? 10_000,
    connect: { timeout: headersTimeout },
  });
  return {
    async send(method, url, headers, body) {
      try {
        const response = await request(url, { method, headers, body, dispatcher: agent });
        const text = await response.body.text();
        return { status: response.statusCode, json: parseJson(text) };
      } catch (err) {
        throw transportError(method, url, err);
      }
    },
    close: () => agent.close(),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The request may or may not have reached Zalo: transient, but a resent ZNS message may arrive twice. */
function transportError(method: string, url: string, err: unknown): ZaloApiError {
  const code = (err as { code?: unknown } | null)?.code;
  const timeout = typeof code === 'string' && TIMEOUT_CODES.has(code);
  const reason = err instanceof Error ? err.message : String(err);
  return new ZaloApiError(
    {
      code: timeout ? 'TIMEOUT' : 'NETWORK',
      message: `Zalo ${method} ${new URL(url).pathname} ${timeout ? 'timed out' : 'failed'}: ${reason}`,
      kind: 'transient',
      retryable: true,
    },
    { cause: err },
  );
}
