import type { Audience, Channel, NotificationKind } from './notification';

export interface DeadlineKeyParts {
  planId: string;
  year: number;
  unitId: string;
  obligationIds: readonly string[];
  kind: NotificationKind;
  /** Reminders: working days before; escalations: level; receipts: version. */
  ordinal: number;
  /** Escalations: 0 for the level itself, n for its n-th repeat. */
  repeat?: number;
  scheduledAt: string;
}

/**
 * A notification's key: the same schedule event always gives the same key, and no two events share one.
 * Example: `dondoc/dvcq-ia-pa/2022/xa-ia-tul/bao-cao-nam/escalation-2.0@2022-11-03T08:00:00+07:00`.
 */
export function notificationKey(parts: DeadlineKeyParts): string {
  const obligations = [...parts.obligationIds].sort().join('+') || '-';
  const event = `${parts.kind}-${parts.ordinal}${parts.repeat === undefined ? '' : `.${parts.repeat}`}`;
  return `dondoc/${parts.planId}/${parts.year}/${parts.unitId}/${obligations}/${event}@${parts.scheduledAt}`;
}

/** The key of one send: the notification, to one audience, over one channel, to one address when it matters. */
export function sendKey(notificationKey: string, audience: Audience, channel: Channel, address?: string): string {
  return `${notificationKey}/${audience}/${channel}${address ? `/${address}` : ''}`;
}

export interface ParsedSendKey {
  planId: string;
  year: number;
  unitId: string;
  obligationIds: string[];
  kind: NotificationKind;
  /** The escalation level (escalations only). */
  level?: number;
  scheduledAt: string;
  audience?: Audience;
  channel?: Channel;
}

/** The inverse of `sendKey(notificationKey(...))`, for logs and the simulator's notifications.jsonl. */
export function parseSendKey(key: string): ParsedSendKey | undefined {
  const match =
    /^dondoc\/([^/]+)\/(\d+)\/([^/]+)\/([^/]+)\/([a-z]+)-(\d+)(?:\.\d+)?@([^/]+)(?:\/([a-z]+)\/([a-z]+))?/.exec(key);
  if (!match) return undefined;
  const [, planId = '', year = '0', unitId = '', obligations = '', kind = '', ordinal = '0', scheduledAt = ''] = match;
  return {
    planId,
    year: Number(year),
    unitId,
    obligationIds: obligations === '-' ? [] : obligations.split('+'),
    kind: kind as NotificationKind,
    ...(kind === 'escalation' && { level: Number(ordinal) }),
    scheduledAt,
    ...(match[8] && { audience: match[8] as Audience }),
    ...(match[9] && { channel: match[9] as Channel }),
  };
}
