import type { MessageChannel, RecipientItem } from './message-items';

export type MessageStatus = 'sent' | 'failed' | 'unknown' | 'held' | 'merged' | 'skipped';

/** An email as it was rendered and sent, for Phòng Nội vụ to open. */
export interface RenderedEmailCopy {
  subject: string;
  headers: Record<string, string>;
  text: string;
  html: string;
}

/** One row of the notification centre: a message of a moment to one person on one channel. */
export interface MessageRecord {
  key: string;
  planId: string;
  year: number;
  scheduledAt: string;
  planDay: string;
  /** `none` for what was skipped at start: nothing was sent on any channel. */
  channel: MessageChannel | 'none';
  /** What carried it: `email`, `zns` or `oa`; absent while held or skipped. */
  via?: 'email' | 'zns' | 'oa';
  address: string;
  personName: string;
  status: MessageStatus;
  /** Why it was held, failed or skipped, or how Zalo fell back, in Vietnamese for Phòng Nội vụ. */
  reason?: string;
  items: RecipientItem[];
  /** For `held`: when it goes out with the person's next message (ISO, plan time). */
  releaseAt?: string;
  /** For `merged`: the key of the message that carried its items. */
  mergedInto?: string;
  providerId?: string;
  sentAt?: string;
  email?: RenderedEmailCopy;
}

/** A channel that failed for good for a person, until their contact changes. */
export interface ContactProblemRecord {
  channel: 'email' | 'zns' | 'oa';
  address: string;
  /** A hash of the person's contact fields: editing the contact makes a new hash, and the channel is tried again. */
  contactHash: string;
  name: string;
  code: string;
  reason: string;
  detectedAt: string;
}

export interface MessageStore {
  /** Inserts or replaces the row of `record.key`. */
  save(record: MessageRecord): Promise<void>;
  /** `save` of many rows at once (one statement); a key given twice keeps its last row. */
  saveMany(records: readonly MessageRecord[]): Promise<void>;
  get(key: string): Promise<MessageRecord | undefined>;
  /** Held rows of a cycle whose release instant has come. */
  heldDue(cycle: { planId: string; year: number }, atMs: number): Promise<MessageRecord[]>;
  /** The earliest release instant of a held row of the cycle (epoch ms). */
  nextRelease(cycle: { planId: string; year: number }): Promise<number | undefined>;
  /** Rows become `merged` into `into` (their items went out with it). */
  markMerged(keys: readonly string[], into: string): Promise<void>;
  /**
   * Messages that reached (or may have reached) each person on each channel on a plan day, all plans together, keyed
   * `<channel> <address>`; messages of the moment `exceptAt` are left out (a retried dispatch counts itself once).
   */
  deliveredOn(planDay: string, exceptAt?: string): Promise<Map<string, number>>;
  /** Newest first; `unitId` narrows to messages that mention the unit. */
  list(filter: {
    planId: string;
    year: number;
    unitId?: string;
    status?: MessageStatus;
    limit?: number;
  }): Promise<MessageRecord[]>;
  /** Rows of a cycle by status, for `cycle status` and the dashboard. */
  countByStatus(cycle: { planId: string; year: number }): Promise<Partial<Record<MessageStatus, number>>>;
}

export interface ContactProblemStore {
  add(problem: ContactProblemRecord): Promise<void>;
  list(): Promise<ContactProblemRecord[]>;
}
