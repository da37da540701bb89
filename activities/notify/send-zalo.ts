import { ApplicationFailure } from '@temporalio/common';
import { renderEmail } from '../../channels/email';
import { isZaloApiError, isZaloDeferredError, renderZnsTemplate } from '../../channels/zalo';
import type { Audience, Contact, DeadlineNotification } from '../../domain/notifications/notification';
import type { NotifyResult } from '../../domain/notifications/notify-result';
import { toPlanIso } from '../../domain/plan-time';
import { claimSend, unknownResult } from './claim-send';
import { countNotification } from './count-notification';
import type { NotifyDeps } from './notify-deps';
import { UNLIMITED_SLOTS } from './send-slots';

export interface SendZaloNotificationInput {
  /** Reminders and escalations only: a receipt goes by email (see `renderZnsTemplate`). */
  notification: DeadlineNotification;
  audience: Audience;
  key: string;
  /** Exactly one person: ZNS goes to their phone, an OA text to their follower id. */
  to: [Contact];
}

/** OA texts are capped around 2,000 characters (zalo-api.md §2). */
const OA_TEXT_LIMIT = 1900;

/** A ZNS template message to one phone. */
export function sendZnsNotification(deps: NotifyDeps) {
  return zaloSend(deps, 'zns', async (zalo, input, address) => {
    const { template, data } = renderZnsTemplate(input.notification);
    const sent = await zalo.sendZns({ template, phone: address, data, idempotencyKey: input.key });
    return { recipient: sent.phone, providerId: sent.msg_id, acceptedAtMs: Number(sent.sent_time) };
  });
}

/** A consultation text to one OA follower: a best-effort extra, only for people who talked to the OA lately. */
export function sendOaNotification(deps: NotifyDeps) {
  return zaloSend(deps, 'oa', async (zalo, input, userId) => {
    const email = renderEmail(input.notification, input.audience, { sendKey: input.key });
    const sent = await zalo.sendOaText({ userId, text: email.text.slice(0, OA_TEXT_LIMIT), idempotencyKey: input.key });
    return { recipient: userId, providerId: sent.message_id, acceptedAtMs: deps.now().getTime() };
  });
}

type ZaloCall = (
  zalo: NonNullable<NotifyDeps['zalo']>,
  input: SendZaloNotificationInput,
  /** The phone (ZNS) or the Zalo user id (OA). */
  address: string,
) => Promise<{ recipient: string; providerId: string; acceptedAtMs: number }>;

/**
 * The shared edge of both Zalo sends: the sent-ledger claim first (`claimSend`); transient failures release the claim
 * and throw for Temporal to retry; night-time and daily limits come back as `deferred` (never dropped, retried later
 * with the same key, so their claim is released too); a recipient Zalo cannot reach comes back as `failed` with a
 * contact problem, the person being reached by email when they have an address.
 */
function zaloSend(deps: NotifyDeps, channel: 'zns' | 'oa', call: ZaloCall) {
  return (input: SendZaloNotificationInput): Promise<NotifyResult> =>
    deliverZalo(deps, channel, { ...input, kind: input.notification.kind }, (zalo, address) =>
      call(zalo, input, address),
    );
}

/**
 * One Zalo send already rendered (the `send` closure) under `send.key`; see `zaloSend` for the rules. The dispatcher
 * of moments calls it directly with its own message.
 */
export async function deliverZalo(
  deps: NotifyDeps,
  channel: 'zns' | 'oa',
  input: { audience: Audience; key: string; to: [Contact]; kind: DeadlineNotification['kind'] },
  send: ZaloSend,
): Promise<NotifyResult> {
  return countNotification(deps, input.kind, channel, () => sendUnderClaim(deps, channel, input, send));
}

type ZaloSend = (
  zalo: NonNullable<NotifyDeps['zalo']>,
  address: string,
) => Promise<{ recipient: string; providerId: string; acceptedAtMs: number }>;

async function sendUnderClaim(
  deps: NotifyDeps,
  channel: 'zns' | 'oa',
  input: { audience: Audience; key: string; to: [Contact] },
  send: ZaloSend,
): Promise<NotifyResult> {
  const person = input.to[0];
  const address = (channel === 'zns' ? person.phone : person.zaloUserId) ?? '';
  const base = { channel, audience: input.audience, key: input.key, recipients: [address] };
  const zalo = deps.zalo;
  if (!zalo) {
    return { ...base, outcome: 'failed', error: { code: 'ZALO_NOT_CONFIGURED', message: 'Zalo is not configured' } };
  }
  if (!address) {
    const what = channel === 'zns' ? 'ZNS send without a phone' : 'OA send without a Zalo user id';
    throw ApplicationFailure.nonRetryable(what, 'ZALO_CONFIG');
  }
  return (deps.slots?.zalo ?? UNLIMITED_SLOTS).run(async () => {
    const claim = await claimSend(deps.ledger, input.key);
    if (claim.kind === 'recorded') return { ...claim.result, alreadySent: true };
    if (claim.kind === 'unknown') return unknownResult(base, claim);

    let sent: Awaited<ReturnType<typeof send>>;
    try {
      sent = await send(zalo, address);
    } catch (err) {
      // Zalo did not accept it (or answered with an error): the key may be tried again.
      await deps.ledger.release(input.key, claim.owner);
      return refused(deps, channel, person, base, err);
    }
    const result: NotifyResult = {
      ...base,
      recipients: [sent.recipient],
      outcome: 'accepted',
      providerId: sent.providerId,
      acceptedAt: toPlanIso(Number.isFinite(sent.acceptedAtMs) ? sent.acceptedAtMs : deps.now().getTime()),
    };
    await deps.ledger.record(input.key, claim.owner, result);
    return result;
  });
}

function refused(
  deps: NotifyDeps,
  channel: 'zns' | 'oa',
  person: Contact,
  base: Pick<NotifyResult, 'channel' | 'audience' | 'key' | 'recipients'>,
  err: unknown,
): NotifyResult {
  if (isZaloDeferredError(err)) return { ...base, outcome: 'deferred', notBefore: err.notBefore };
  if (!isZaloApiError(err)) throw err;
  if (err.retryable)
    throw ApplicationFailure.create({ message: err.message, type: `ZALO_${err.kind.toUpperCase()}`, cause: err });
  const error = { code: String(err.code), message: err.message };
  if (err.kind !== 'recipient') return { ...base, outcome: 'failed', error };
  return {
    ...base,
    outcome: 'failed',
    error,
    fallback: person.email ? 'email' : 'none',
    contactProblems: [
      {
        channel,
        name: person.name,
        address: base.recipients[0] ?? '',
        code: String(err.code),
        reason: `Zalo không gửi được (${err.code}): ${err.message}`,
        detectedAt: toPlanIso(deps.now().getTime()),
      },
    ],
  };
}
