import { createHash } from 'node:crypto';
import { renderMomentEmail } from '../../channels/email';
import { renderMomentOaText, renderMomentZns } from '../../channels/zalo';
import { messageSummary, type MomentMessage, type RecipientBucket } from '../../domain/dispatch/message-items';
import type { ContactProblemRecord, MessageRecord } from '../../domain/dispatch/message-record';
import type { ChannelAvailability } from '../../domain/notifications/delivery-plan';
import type { Audience, Contact } from '../../domain/notifications/notification';
import type { NotifyResult } from '../../domain/notifications/notify-result';
import { toPlanIso } from '../../domain/plan-time';
import { withinSendingHours } from '../../domain/schedule/sending-hours';
import type { NotifyDeps } from '../notify/notify-deps';
import { deliverEmail } from '../notify/send-email';
import { deliverZalo } from '../notify/send-zalo';
import type { DispatchStores } from './dispatch-deps';

/** What became of one message: the notification centre's row is built from it. */
export type SendOutcome = Pick<
  MessageRecord,
  'status' | 'via' | 'reason' | 'providerId' | 'sentAt' | 'email' | 'releaseAt'
>;

/** Editing any of a person's contact fields gives another hash: a channel that failed for them is tried again. */
export function contactHash(person: Contact): string {
  const { name, title, email, phone, zaloUserId } = person;
  return createHash('sha256')
    .update(JSON.stringify([name, title, email, phone, zaloUserId]))
    .digest('hex')
    .slice(0, 32);
}

/**
 * Sends one person's message of a moment on its channel. Email goes to the address. Zalo goes by ZNS to the phone,
 * and when ZNS fails for good (no Zalo account, blocked, template refused) by an OA text to the person's follower id
 * if they have one; otherwise the email covers them. A channel that failed for good for a person is not tried again
 * until their contact is edited. `undefined`: nothing could be tried on this channel (no row is recorded).
 */
export async function sendMomentMessage(
  deps: NotifyDeps & DispatchStores,
  bucket: RecipientBucket,
  message: MomentMessage,
  role: Audience,
  channels: ChannelAvailability,
  /** Contact problems known before this moment: `<channel> <address> <contact hash>`. */
  problems: ReadonlySet<string>,
): Promise<SendOutcome | undefined> {
  const hash = contactHash(bucket.person);
  const { kind } = messageSummary(message.items);
  const blocked = (channel: ContactProblemRecord['channel'], address: string | undefined): boolean =>
    !address || problems.has(`${channel} ${channel === 'email' ? address.toLowerCase() : address} ${hash}`);

  if (bucket.channel === 'email') {
    if (blocked('email', bucket.address)) return undefined;
    const email = renderMomentEmail(message, { dashboardUrl: deps.dashboardUrl });
    const result = await deliverEmail(deps, { audience: role, key: message.key, to: [bucket.person], kind }, email);
    await recordProblems(deps, result, hash);
    return {
      ...outcomeOf(result),
      email: { subject: email.subject, headers: email.headers, text: email.text, html: email.html },
    };
  }

  const person = bucket.person;
  const tryOa = async (reason?: string): Promise<SendOutcome | undefined> => {
    if (!channels.oa || blocked('oa', person.zaloUserId)) return undefined;
    const text = renderMomentOaText(message);
    const result = await deliverZalo(
      deps,
      'oa',
      { audience: role, key: `${message.key}/oa`, to: [person], kind },
      async (zalo, userId) => {
        const sent = await zalo.sendOaText({ userId, text, idempotencyKey: `${message.key}/oa` });
        return { recipient: userId, providerId: sent.message_id, acceptedAtMs: deps.now().getTime() };
      },
    );
    await recordProblems(deps, result, hash);
    const outcome = outcomeOf(result);
    return reason && outcome.status === 'sent' ? { ...outcome, reason } : outcome;
  };

  if (!channels.zns || blocked('zns', person.phone)) return tryOa();
  const zns = renderMomentZns(message);
  const result = await deliverZalo(
    deps,
    'zns',
    { audience: role, key: message.key, to: [person], kind },
    async (zalo, phone) => {
      const sent = await zalo.sendZns({ template: zns.template, phone, data: zns.data, idempotencyKey: message.key });
      return { recipient: sent.phone, providerId: sent.msg_id, acceptedAtMs: Number(sent.sent_time) };
    },
  );
  await recordProblems(deps, result, hash);
  if (result.outcome !== 'failed') return outcomeOf(result);
  const why = `ZNS không gửi được (${result.error?.code ?? '?'}: ${result.error?.message ?? ''})`;
  const byOa = await tryOa(`${why}; đã gửi thay bằng tin nhắn OA`);
  if (byOa) return byOa;
  const covered = person.email ? 'người nhận vẫn nhận nội dung này qua email' : 'người nhận không còn kênh nào khác';
  return { ...outcomeOf(result), reason: `${why}; ${covered}` };
}

function outcomeOf(result: NotifyResult): SendOutcome {
  const via = result.channel;
  switch (result.outcome) {
    case 'accepted':
      return {
        status: 'sent',
        via,
        ...(result.providerId && { providerId: result.providerId }),
        ...(result.acceptedAt && { sentAt: result.acceptedAt }),
      };
    case 'unknown':
      return { status: 'unknown', via, reason: 'Máy gửi dừng giữa chừng: không rõ nhà cung cấp đã nhận tin chưa' };
    case 'deferred': {
      const releaseAt = toPlanIso(withinSendingHours(Date.parse(result.notBefore ?? '') || Date.now()));
      return { status: 'held', via, reason: 'Zalo tạm hoãn (giờ đêm hoặc hạn mức ngày)', releaseAt };
    }
    case 'failed':
      return { status: 'failed', via, reason: `${result.error?.code ?? ''} ${result.error?.message ?? ''}`.trim() };
  }
}

async function recordProblems(deps: DispatchStores, result: NotifyResult, hash: string): Promise<void> {
  for (const problem of result.contactProblems ?? []) {
    await deps.contactProblems.add({
      channel: problem.channel,
      address: problem.channel === 'email' ? problem.address.toLowerCase() : problem.address,
      contactHash: hash,
      name: problem.name,
      code: problem.code,
      reason: problem.reason,
      detectedAt: problem.detectedAt,
    });
  }
}
