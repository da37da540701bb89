import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { rejectAccessToken, rejectJsonBody } from './fake-guards';
import { isObject, sendZaloData, sendZaloError, type FakeRequest } from './fake-http';
import type { FakeZaloState } from './fake-state';
import { answerScripted } from './scripted-outcome';

const PHONE = /^84\d{9,10}$/;

/** POST /message/template */
export function sendTemplate(state: FakeZaloState, req: FakeRequest, res: ServerResponse): void {
  if (rejectAccessToken(state, req, res) || rejectJsonBody(req, res)) return;
  const body = req.body as Record<string, unknown>;
  const phone = typeof body.phone === 'string' ? body.phone : undefined;
  const scripted = state.takeOutcome(phone);
  if (scripted) return answerScripted(res, scripted);
  if (!phone || !PHONE.test(phone)) return sendZaloError(res, -108, 'Phone number invalid');
  const templateId = typeof body.template_id === 'string' ? body.template_id : undefined;
  const template = templateId === undefined ? undefined : state.settings.templates[templateId];
  if (!template) return sendZaloError(res, -109, 'Template ID invalid');
  if (template.approved === false) return sendZaloError(res, -131, 'Template is not approved');
  const data = body.template_data;
  if (!isObject(data) || Object.keys(data).length === 0) return sendZaloError(res, -111, 'Template data empty');
  const missing = template.params.filter((name) => typeof data[name] !== 'string' && typeof data[name] !== 'number');
  if (missing.length > 0) return sendZaloError(res, -112, `Template data invalid: missing ${missing.join(', ')}`);
  if (body.tracking_id !== undefined && typeof body.tracking_id !== 'string') {
    return sendZaloError(res, -132, 'Parameter invalid: tracking_id');
  }
  if (state.remainingQuota <= 0) return sendZaloError(res, -144, 'OA exceeded the daily ZNS quota');
  state.remainingQuota -= 1;
  const msgId = randomBytes(10).toString('hex');
  const sentAt = state.settings.now();
  state.messages.set(msgId, { phone, sentAt });
  sendZaloData(res, {
    msg_id: msgId,
    sent_time: String(sentAt),
    sending_mode: '1',
    quota: quotaOf(state),
  });
}

/** GET /message/status?message_id=&phone= */
export function messageStatus(state: FakeZaloState, req: FakeRequest, res: ServerResponse): void {
  if (rejectAccessToken(state, req, res)) return;
  const message = state.messages.get(req.query.message_id ?? '');
  if (!message || (req.query.phone !== undefined && req.query.phone !== message.phone)) {
    return sendZaloError(res, -107, 'Message ID invalid');
  }
  sendZaloData(res, {
    status: 1,
    message: "The message was delivered to the user's phone",
    delivery_time: String(message.sentAt),
  });
}

/** GET /message/quota */
export function messageQuota(state: FakeZaloState, req: FakeRequest, res: ServerResponse): void {
  if (rejectAccessToken(state, req, res)) return;
  sendZaloData(res, quotaOf(state));
}

function quotaOf(state: FakeZaloState): { dailyQuota: string; remainingQuota: string } {
  return { dailyQuota: String(state.settings.dailyQuota), remainingQuota: String(state.remainingQuota) };
}
