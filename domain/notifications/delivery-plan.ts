import { sendKey } from './idempotency-key';
import type { Audience, Channel, Contact } from './notification';

/** Which channels this deployment can use; email is always on (the embedded default captures it). */
export interface ChannelAvailability {
  zns: boolean;
  oa: boolean;
}

/** One activity call: one channel, one audience, and for Zalo one person. */
export interface PlannedSend {
  channel: Channel;
  audience: Audience;
  /** The send's idempotency key (X-Dondoc-Key for email, tracking_id for ZNS). */
  key: string;
  /** Email: every addressee of the audience; ZNS and OA: exactly one person. */
  to: Contact[];
}

/**
 * Routing (issue #4): email to everyone of an audience who has an address, in one message; ZNS to each
 * phone when Zalo is configured; an OA text to each known follower, as a best-effort extra.
 */
export function planDeliveries(
  notificationKey: string,
  audiences: readonly { audience: Audience; contacts: readonly Contact[] }[],
  available: ChannelAvailability,
): PlannedSend[] {
  const sends: PlannedSend[] = [];
  for (const { audience, contacts } of audiences) {
    const emailed = unique(
      contacts.filter((c) => c.email),
      (c) => c.email?.toLowerCase(),
    );
    if (emailed.length > 0) {
      sends.push({ channel: 'email', audience, key: sendKey(notificationKey, audience, 'email'), to: emailed });
    }
    if (available.zns) {
      for (const person of unique(
        contacts.filter((c) => c.phone),
        (c) => c.phone,
      )) {
        sends.push({
          channel: 'zns',
          audience,
          key: sendKey(notificationKey, audience, 'zns', person.phone),
          to: [person],
        });
      }
    }
    if (available.oa) {
      for (const person of unique(
        contacts.filter((c) => c.zaloUserId),
        (c) => c.zaloUserId,
      )) {
        const key = sendKey(notificationKey, audience, 'oa', person.zaloUserId);
        sends.push({ channel: 'oa', audience, key, to: [person] });
      }
    }
  }
  return sends;
}

function unique<T>(items: readonly T[], keyOf: (item: T) => string | undefined): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = keyOf(item) ?? '';
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
