import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { rejectAccessToken, rejectJsonBody } from './fake-guards';
import { isObject, sendZaloData, sendZaloError, type FakeRequest } from './fake-http';
import type { FakeZaloState } from './fake-state';
import { answerScripted } from './scripted-outcome';

const MAX_TEXT_LENGTH = 2000;

/** POST /v3.0/oa/message/cs: a consultation text to a follower inside the 7-day interaction window. */
export function sendConsultation(state: FakeZaloState, req: FakeRequest, res: ServerResponse): void {
  if (rejectAccessToken(state, req, res) || rejectJsonBody(req, res)) return;
  const body = req.body as Record<string, unknown>;
  const userId = isObject(body.recipient) ? body.recipient.user_id : undefined;
  const text = isObject(body.message) ? body.message.text : undefined;
  if (typeof userId !== 'string' || userId === '') return sendZaloError(res, -201, 'recipient.user_id is invalid');
  const scripted = state.takeOutcome(userId);
  if (scripted) return answerScripted(res, scripted);
  if (typeof text !== 'string' || text === '') return sendZaloError(res, -201, 'message.text is invalid');
  if (text.length > MAX_TEXT_LENGTH) return sendZaloError(res, -210, 'message.text exceeds the limit');
  const inWindow = state.settings.followers.has(userId);
  if (!inWindow && !state.settings.outsideWindow.has(userId)) {
    return sendZaloError(res, -213, 'User has not followed the OA');
  }
  if (!inWindow) return sendZaloError(res, -230, 'User has not interacted with the OA in the past 7 days');
  sendZaloData(res, { message_id: randomBytes(16).toString('hex'), user_id: userId });
}
