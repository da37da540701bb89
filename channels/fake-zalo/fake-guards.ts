import type { ServerResponse } from 'node:http';
import { isObject, sendZaloError, type FakeRequest } from './fake-http';
import type { FakeZaloState } from './fake-state';

/** Common to every API route: the `access_token` header (-124 missing or unknown, -220 expired). */
export function rejectAccessToken(state: FakeZaloState, req: FakeRequest, res: ServerResponse): boolean {
  const code = state.checkAccessToken(req.headers.access_token);
  if (code === 0) return false;
  sendZaloError(res, code, code === -220 ? 'access_token is expired or removed' : 'Access token invalid');
  return true;
}

export function rejectJsonBody(req: FakeRequest, res: ServerResponse): boolean {
  if (req.contentType.includes('application/json') && !req.malformed && isObject(req.body)) return false;
  sendZaloError(res, -122, 'Body is not a valid JSON');
  return true;
}
