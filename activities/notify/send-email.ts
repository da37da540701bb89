import { ApplicationFailure } from '@temporalio/common';
import { classifySmtpError, renderEmail } from '../../channels/email';
import type { Audience, Contact, Notification } from '../../domain/notifications/notification';
import type { ContactProblem, NotifyResult } from '../../domain/notifications/notify-result';
import { toPlanIso } from '../../domain/plan-time';
import type { NotifyDeps } from './notify-deps';

export interface SendEmailNotificationInput {
  notification: Notification;
  audience: Audience;
  /** The send key (X-Dondoc-Key); the Message-ID is derived from it. */
  key: string;
  to: Contact[];
}

/**
 * One email to one audience. SMTP 4xx and network errors throw (Temporal retries with backoff); a 5xx refusal is
 * final and comes back as `failed` with the refused addresses as contact problems.
 */
export function sendEmailNotification(deps: NotifyDeps) {
  return async (input: SendEmailNotificationInput): Promise<NotifyResult> => {
    const recorded = await deps.ledger.find(input.key);
    if (recorded) return { ...recorded, alreadySent: true };

    const base = { channel: 'email' as const, audience: input.audience, key: input.key };
    const addresses = input.to.flatMap((contact) => (contact.email ? [contact.email] : []));
    const email = renderEmail(input.notification, input.audience, {
      sendKey: input.key,
      dashboardUrl: deps.dashboardUrl,
    });
    try {
      const sent = await deps.mailer.send({ to: input.to, ...email });
      const result: NotifyResult = {
        ...base,
        recipients: sent.accepted,
        outcome: 'accepted',
        providerId: sent.messageId,
        acceptedAt: toPlanIso(Date.parse(sent.acceptedAt)),
        ...(sent.rejected.length > 0 && { contactProblems: problems(input.to, sent.rejected, sent.response, deps) }),
      };
      await deps.ledger.record(result);
      return result;
    } catch (err) {
      const failure = classifySmtpError(err);
      if (failure.retryable) {
        throw ApplicationFailure.create({ message: failure.message, type: failure.code, cause: failure });
      }
      const rejected = failure.rejected ?? (failure.code === 'EMAIL_RECIPIENT_REJECTED' ? addresses : []);
      return {
        ...base,
        recipients: addresses,
        outcome: 'failed',
        error: { code: failure.code, message: failure.message },
        ...(rejected.length > 0 && {
          contactProblems: problems(input.to, rejected, `${failure.responseCode ?? ''} ${failure.message}`, deps),
        }),
      };
    }
  };
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
