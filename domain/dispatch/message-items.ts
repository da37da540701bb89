import type { FormFieldRule } from '../forms/validate-form-values';
import type { Audience, Contact, UnitRef } from '../notifications/notification';
import type { DueItem } from './due-items';

/** A due item with what a message shows about it; plain JSON (it is stored with the message and rendered). */
export interface MessageItem extends DueItem {
  unit: UnitRef;
  title: string;
  nominalDueDate: string;
  dueDate: string;
  /** Working days at the moment: > 0 left, 0 due today, < 0 overdue by that many. */
  workingDays: number;
  submissionUrl?: string;
  /** The report's form fields, when the obligation has a form (its template goes with the unit's email). */
  form?: FormFieldRule[];
  /** The unit's inbox link (every obligation of the unit across plans), on the items of the unit's own people. */
  inboxUrl?: string;
  /** Who will be told next if the unit still does not submit; absent at the last level. */
  nextEscalation?: { level: number; at: string; audiences: Audience[] };
}

/** An item as one person gets it: `role` is why (their own unit, or as supervisor or leadership). */
export interface RecipientItem extends MessageItem {
  role: Audience;
}

/** Email goes to an address; Zalo to a person (ZNS to the phone, OA to the follower id when ZNS cannot). */
export type MessageChannel = 'email' | 'zalo';

/** Everything one person gets on one channel at one moment. */
export interface RecipientBucket {
  channel: MessageChannel;
  /** The email address (lower case), or the phone (84…), or `oa:<zaloUserId>` for a person without a phone. */
  address: string;
  person: Contact;
  items: RecipientItem[];
}

/** The message of a moment to one person on one channel, as the channels render it (plain JSON). */
export interface MomentMessage {
  key: string;
  /** The moment (X-Dondoc-Scheduled-At). */
  scheduledAt: string;
  plan: { id: string; title: string; issuer: string; reference?: string; year: number };
  supervisorName: string;
  recipient: Contact;
  /** Sorted: the recipient's own units first, then by level (highest first), unit and obligation. */
  items: RecipientItem[];
  dashboardUrl?: string;
}

/** Where an audience's people are, for the items of one unit. */
export interface AudienceDirectory {
  people(unitId: string, audience: Audience): readonly Contact[];
}

const ROLE_ORDER: Record<Audience, number> = { unit: 0, supervisor: 1, leadership: 2 };

export function emailAddressOf(person: Contact): string | undefined {
  return person.email?.trim().toLowerCase() || undefined;
}

export function zaloAddressOf(person: Contact): string | undefined {
  return person.phone ?? (person.zaloUserId ? `oa:${person.zaloUserId}` : undefined);
}

/**
 * One bucket per person and channel: every item that reaches a person through any audience, once (a person who is
 * both the supervisor and a unit head sees an item of their own unit as their own). Nothing is dropped here: a person
 * with no address on a channel simply has no bucket on it.
 */
export function bucketByRecipient(
  items: readonly MessageItem[],
  directory: AudienceDirectory,
  channels: { zalo: boolean },
): RecipientBucket[] {
  const buckets = new Map<string, RecipientBucket>();
  const add = (channel: MessageChannel, address: string, person: Contact, item: RecipientItem): void => {
    const id = `${channel} ${address}`;
    const bucket = buckets.get(id) ?? { channel, address, person, items: [] };
    buckets.set(id, bucket);
    const same = bucket.items.findIndex((i) => i.unitId === item.unitId && i.obligationId === item.obligationId);
    if (same === -1) bucket.items.push(item);
    else if (ROLE_ORDER[item.role] < ROLE_ORDER[bucket.items[same]!.role]) bucket.items[same] = item;
  };
  for (const item of items) {
    for (const role of item.audiences) {
      for (const person of directory.people(item.unitId, role)) {
        const recipientItem: RecipientItem = { ...item, role };
        const email = emailAddressOf(person);
        if (email) add('email', email, person, recipientItem);
        const zalo = channels.zalo ? zaloAddressOf(person) : undefined;
        if (zalo) add('zalo', zalo, person, recipientItem);
      }
    }
  }
  for (const bucket of buckets.values()) bucket.items.sort(byImportance);
  return [...buckets.values()];
}

export function byImportance(a: RecipientItem, b: RecipientItem): number {
  return (
    ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
    b.level - a.level ||
    a.unit.name.localeCompare(b.unit.name, 'vi') ||
    a.dueDate.localeCompare(b.dueDate) ||
    a.obligationId.localeCompare(b.obligationId)
  );
}

/** The message's key: one per cycle, moment, channel and person, so a retried dispatch never sends twice. */
export function momentMessageKey(
  cycle: { planId: string; year: number },
  scheduledAt: string,
  channel: MessageChannel,
  address: string,
): string {
  return `dondoc/${cycle.planId}/${cycle.year}/message@${scheduledAt}/${channel}/${address}`;
}

/** Email headers (CONTRACTS §3): the kind of the whole message, the highest level, and its units. */
export function messageSummary(items: readonly RecipientItem[]): {
  kind: 'reminder' | 'escalation';
  level?: number;
  unitIds: string[];
  obligationIds: string[];
} {
  const escalations = items.filter((i) => i.type === 'escalation');
  const level = escalations.length > 0 ? Math.max(...escalations.map((i) => i.level)) : undefined;
  return {
    kind: escalations.length > 0 ? 'escalation' : 'reminder',
    ...(level !== undefined && { level }),
    unitIds: [...new Set(items.map((i) => i.unitId))],
    obligationIds: [...new Set(items.map((i) => i.obligationId))],
  };
}
