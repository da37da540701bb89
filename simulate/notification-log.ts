import type { Mailer } from '../channels/email';
import type { ZaloMessenger } from '../channels/zalo';
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
  mailer(inner: Mailer): Mailer;
  zalo(inner: ZaloMessenger): ZaloMessenger;
}

/** Records every send the provider accepted, read back from its key: what `simulate` reports as delivered. */
export function createNotificationLog(): NotificationLog {
  const entries: DeliveredNotification[] = [];
  const add = (key: string, channel: DeliveredNotification['channel'], recipients: string[]): void => {
    const parsed = parseSendKey(key);
    if (!parsed) return;
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
