import type { ServerResponse } from 'node:http';
import { isObject, sendJson, type FakeRequest } from './fake-http';
import type { FakeZaloState } from './fake-state';
import { answerScripted } from './scripted-outcome';

/** The script key of the token endpoint. */
export const OAUTH_SCRIPT_KEY = 'oauth';

/** POST /v4/oa/access_token with grant_type=refresh_token. Errors are HTTP 200 with -14xxx bodies. */
export function accessToken(state: FakeZaloState, req: FakeRequest, res: ServerResponse): void {
  const scripted = state.takeOutcome(OAUTH_SCRIPT_KEY);
  if (scripted) return answerScripted(res, scripted, true);
  const form = isObject(req.body) && req.contentType.includes('application/x-www-form-urlencoded') ? req.body : {};
  if (req.headers.secret_key !== state.settings.secretKey) {
    return oauthError(res, -14003, 'Invalid parameter', 'secret_key is missing or invalid');
  }
  if (form.app_id !== state.settings.appId) return oauthError(res, -14003, 'Invalid parameter', 'app_id is invalid');
  if (form.grant_type !== 'refresh_token' || typeof form.refresh_token !== 'string') {
    return oauthError(res, -14003, 'Invalid parameter', 'grant_type=refresh_token and refresh_token are required');
  }
  const tokens = state.rotate(form.refresh_token);
  if (!tokens) {
    return oauthError(res, -14014, 'Invalid refresh token', 'refresh_token is invalid, expired or already used');
  }
  sendJson(res, 200, tokens);
}

function oauthError(res: ServerResponse, error: number, name: string, description: string): void {
  sendJson(res, 200, { error, error_name: name, error_description: description });
}
