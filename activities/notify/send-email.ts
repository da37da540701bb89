import { ApplicationFailure } from '@temporalio/common';
import { classifySmtpError, renderEmail, type RenderedEmail } from '../../channels/email';
import type { Audience, Contact, Notification } from '../../domain/notifications/notification';
import type { ContactProblem, NotifyResult } from '../../domain/notifications/notify-result';
import { toPlanIso } from '../../domain/plan-time';
import { claimSend, unknownResult } from './claim-send';
import { countNotification, type NotificationKind } from './count-notification';
import type { NotifyDeps } from './notify-deps';
import { UNLIMITED_SLOTS } from './send-slots';

export interface SendEmailNotificationInput {
  notification: Notification;
  audience: Audience;
  /** The send key (X-Dondoc-Key); the Message-ID is derived from it. */
  key: string;
  to: Contact[];
}

/** One email about one notification to one audience (`deliverEmail`). */
export function sendEmailNotification(deps: NotifyDeps) {
  return async (input: SendEmailNotificationInput): Promise<NotifyResult> => {
    const notification = await withInboxUrl(deps, input);
    const email = renderEmail(notification, input.audience, {
      sendKey: input.key,
      dashboardUrl: deps.dashboardUrl,
    });
    const send = { audience: input.audience, key: input.key, to: input.to, kind: input.notification.kind };
    return deliverEmail(deps, send, email);
  };
}

/**
 * What the unit workflow sends the unit itself (a receipt, a reminder Phòng Nội vụ asked for) carries the unit's
 * inbox link: the workflow knows no links, and the generation is read at the send.
 */
async function withInboxUrl(deps: NotifyDeps, input: SendEmailNotificationInput): Promise<Notification> {
  const { notification } = input;
  if (!('unit' in notification) || input.audience !== 'unit' || notification.inboxUrl || !deps.inboxUrlOf)
    return notification;
  const inboxUrl = await deps.inboxUrlOf(notification.unit.id);
  return inboxUrl === undefined ? notification : { ...notification, inboxUrl };
}

/**
 * Sends an email already rendered under `send.key`, claimed in the sent-ledger first (`claimSend`). SMTP 4xx and
 * network errors release the claim and throw (Temporal retries with backoff); a 5xx refusal releases it too and is
 * final: `failed`, with the refused addresses as contact problems.
 */
export async function deliverEmail(
  deps: NotifyDeps,
  send: { audience: Audience; key: string; to: Contact[]; kind: NotificationKind },
  email: RenderedEmail,
): Promise<NotifyResult> {
  return countNotification(deps, send.kind, 'email', () => sendUnderClaim(deps, send, email));
}

async function sendUnderClaim(
  deps: NotifyDeps,
  send: { audience: Audience; key: string; to: Contact[] },
  email: RenderedEmail,
): Promise<NotifyResult> {
  const base = { channel: 'email' as const, audience: send.audience, key: send.key };
  const addresses = send.to.flatMap((contact) => (contact.email ? [contact.email] : []));
  // The slot covers the claim and the SMTP exchange only: recording the accepted send does not need the connection,
  // so the next send's claim and exchange overlap with this record instead of waiting for it.
  const sent = await (deps.slots?.email ?? UNLIMITED_SLOTS).run(
    async (): Promise<
      { done: NotifyResult } | { owner: string; info: Awaited<ReturnType<NotifyDeps['mailer']['send']>> }
    > => {
      const claim = await claimSend(deps.ledger, send.key);
      if (claim.kind === 'recorded') return { done: { ...claim.result, alreadySent: true } };
      if (claim.kind === 'unknown') return { done: unknownResult({ ...base, recipients: addresses }, claim) };
      try {
        return { owner: claim.owner, info: await deps.mailer.send({ to: send.to, ...email }) };
      } catch (err) {
        // Nothing was delivered: the key may be tried again (a network error after the final dot is the one doubt,
        // and the Message-ID derived from the key lets mail systems drop a duplicate).
        await deps.ledger.release(send.key, claim.owner);
        const failure = classifySmtpError(err);
        if (failure.retryable) {
          throw ApplicationFailure.create({ message: failure.message, type: failure.code, cause: failure });
        }
        const rejected = failure.rejected ?? (failure.code === 'EMAIL_RECIPIENT_REJECTED' ? addresses : []);
        return {
          done: {
            ...base,
            recipients: addresses,
            outcome: 'failed',
            error: { code: failure.code, message: failure.message },
            ...(rejected.length > 0 && {
              contactProblems: problems(send.to, rejected, `${failure.responseCode ?? ''} ${failure.message}`, deps),
            }),
          },
        };
      }
    },
  );
  if ('done' in sent) return sent.done;
  const { info } = sent;
  const result: NotifyResult = {
    ...base,
    recipients: info.accepted,
    outcome: 'accepted',
    providerId: info.messageId,
    acceptedAt: toPlanIso(Date.parse(info.acceptedAt)),
    ...(info.rejected.length > 0 && { contactProblems: problems(send.to, info.rejected, info.response, deps) }),
  };
  await deps.ledger.record(send.key, sent.owner, result);
  return result;
}

function problems(
  to: readonly Contact[],
  rejected: readonly string[],
  reply: string,
  deps: NotifyDeps,
): ContactProblem[] {
  const code = /^\d{3}/.exec(reply.trim())?.[0] ?? 'rejected';
  return rejected.map((address) => ({
    channel: 'email',
    name: to.find((c) => c.email?.toLowerCase() === address.toLowerCase())?.name ?? address,
    address,
    code,
    reason: `Máy chủ thư từ chối địa chỉ: ${reply.trim()}`,
    detectedAt: toPlanIso(deps.now().getTime()),
  }));
}
