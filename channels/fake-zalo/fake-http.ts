import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ReceivedRequest } from './fake-state';

/** A request as the route handlers see it: parsed once, recorded as is. */
export interface FakeRequest extends ReceivedRequest {
  contentType: string;
  /** True when the body was meant to be JSON but does not parse. */
  malformed: boolean;
}

export async function readFakeRequest(req: IncomingMessage, now: number): Promise<FakeRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const url = new URL(req.url ?? '/', 'http://fake');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const contentType = headers['content-type'] ?? '';
  let body: unknown = text === '' ? undefined : text;
  let malformed = false;
  if (text !== '' && contentType.includes('application/json')) {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      malformed = true;
    }
  } else if (text !== '' && contentType.includes('application/x-www-form-urlencoded')) {
    body = Object.fromEntries(new URLSearchParams(text));
  }
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    body,
    at: new Date(now).toISOString(),
    contentType,
    malformed,
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Zalo's envelope for an API error, with HTTP 200 as the reference suggests. */
export function sendZaloError(res: ServerResponse, error: number, message: string): void {
  sendJson(res, 200, { error, message });
}

export function sendZaloData(res: ServerResponse, data: unknown): void {
  sendJson(res, 200, { error: 0, message: 'Success', data });
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
