import { claimSend } from '../activities/notify/claim-send';
import type { NotifyDeps } from '../activities/notify/notify-deps';
import { REPLY_KIND } from '../channels/email/email-headers';
import { replySubject, threadHeaders } from '../channels/email/email-thread';
import { emailTemplates } from '../channels/email/template-loader';
import type { NotifyResult } from '../domain/notifications/notify-result';
import { toPlanIso } from '../domain/plan-time';
import type { InboundMail } from './parse-inbound';

/** What an answer says; rendered by `inbound-answer.{html,txt}.eta`. */
export interface AnswerContent {
  addressee: string;
  paragraphs: string[];
  items?: string[];
  link?: string;
  /** `<plan>/<year>`, when the reply was matched to a cycle. */
  cycle?: string;
  issuer?: string;
  supervisorName?: string;
  /** Calm for information, warm for a refusal. */
  tone: 'info' | 'warning';
}

/**
 * Answers the sender of `mail` in its thread, once: the key is derived from the inbound id and claimed in the
 * sent-ledger, so a second delivery of the same email (or a crash and retry) never answers twice.
 */
export async function sendAnswer(
  notify: NotifyDeps,
  inboundId: string,
  mail: InboundMail,
  content: AnswerContent,
): Promise<void> {
  const key = `dondoc/inbound/${inboundId}/answer`;
  const subject = replySubject(mail.subject || 'Thư gửi hệ thống đôn đốc');
  const view = {
    subject,
    addressee: content.addressee,
    paragraphs: content.paragraphs,
    items: content.items ?? [],
    link: content.link,
    issuer: content.issuer ?? 'Hệ thống đôn đốc',
    supervisorName: content.supervisorName ?? 'Phòng Nội vụ',
    accent: content.tone === 'warning' ? '#b45309' : '#1d4ed8',
  };
  const templates = emailTemplates();
  const headers: Record<string, string> = {
    'X-Dondoc-Kind': REPLY_KIND,
    ...(content.cycle && { 'X-Dondoc-Cycle': content.cycle }),
    'X-Dondoc-Key': key,
    'Auto-Submitted': 'auto-replied',
    ...(mail.messageId && threadHeaders({ messageId: mail.messageId, references: mail.references, subject })),
  };
  const claim = await claimSend(notify.ledger, key);
  if (claim.kind !== 'claimed') return;
  let accepted: Awaited<ReturnType<NotifyDeps['mailer']['send']>>;
  try {
    accepted = await notify.mailer.send({
      to: [{ name: mail.fromName, email: mail.from }],
      subject,
      html: templates.html('inbound-answer', view),
      text: templates.text('inbound-answer', view),
      headers,
    });
  } catch (err) {
    await notify.ledger.release(key, claim.owner);
    throw err;
  }
  const result: NotifyResult = {
    channel: 'email',
    audience: 'unit',
    key,
    recipients: accepted.accepted,
    outcome: 'accepted',
    providerId: accepted.messageId,
    acceptedAt: toPlanIso(Date.parse(accepted.acceptedAt)),
  };
  await notify.ledger.record(key, claim.owner, result);
}
