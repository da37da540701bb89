import type { Mailer } from '../channels/email';
import type { ZaloMessenger } from '../channels/zalo';
import type { MessageRecord } from '../domain/dispatch/message-record';
import { parseSendKey } from '../domain/notifications/idempotency-key';

/** One line of notifications.jsonl (CONTRACTS.md §5). */
export interface DeliveredNotification {
  kind: string;
  channel: 'email' | 'zns' | 'oa';
  unit: string;
  obligation: string;
  level: number | null;
  scheduledAt: string;
  key: string;
  recipients: string[];
}

export interface NotificationLog {
  entries(): DeliveredNotification[];
  /**
   * Lines for the messages of moments (one per item), whose keys name a person rather than a unit: their items are
   * read back from the notification centre once the run is over.
   */
  expandMoments(lookup: (key: string) => Promise<MessageRecord | undefined>): Promise<void>;
  mailer(inner: Mailer): Mailer;
  zalo(inner: ZaloMessenger): ZaloMessenger;
}

/** Records every send the provider accepted, read back from its key: what `simulate` reports as delivered. */
export function createNotificationLog(): NotificationLog {
  const entries: DeliveredNotification[] = [];
  const moments: { key: string; channel: DeliveredNotification['channel']; recipients: string[] }[] = [];
  const add = (key: string, channel: DeliveredNotification['channel'], recipients: string[]): void => {
    const parsed = parseSendKey(key);
    if (!parsed) {
      moments.push({ key, channel, recipients });
      return;
    }
    entries.push({
      kind: parsed.kind,
      channel,
      unit: parsed.unitId,
      obligation: parsed.obligationIds.join(','),
      level: parsed.level ?? null,
      scheduledAt: parsed.scheduledAt,
      key,
      recipients,
    });
  };
  return {
    async expandMoments(lookup) {
      for (const { key, channel, recipients } of moments.splice(0)) {
        // An OA text sent in place of a ZNS carries the message's key and `/oa`.
        const record = await lookup(key.replace(/\/oa$/, ''));
        for (const item of record?.items ?? []) {
          entries.push({
            kind: item.type,
            channel,
            unit: item.unitId,
            obligation: item.obligationId,
            level: item.type === 'escalation' ? item.level : null,
            scheduledAt: record!.scheduledAt,
            key,
            recipients,
          });
        }
      }
    },
    entries: () =>
      [...entries].sort((a, b) => (a.scheduledAt < b.scheduledAt ? -1 : a.scheduledAt > b.scheduledAt ? 1 : 0)),
    mailer: (inner) => ({
      ...inner,
      async send(input) {
        const result = await inner.send(input);
        add(input.headers['X-Dondoc-Key'] ?? '', 'email', result.accepted);
        return result;
      },
    }),
    zalo: (inner) => ({
      ...inner,
      async sendZns(request) {
        const result = await inner.sendZns(request);
        add(request.idempotencyKey, 'zns', [result.phone]);
        return result;
      },
      async sendOaText(request) {
        const result = await inner.sendOaText(request);
        if (request.idempotencyKey) add(request.idempotencyKey, 'oa', [request.userId]);
        return result;
      },
    }),
  };
}
