import type { RecipientBucket, RecipientItem } from './message-items';
import { byImportance } from './message-items';
import type { MessageRecord } from './message-record';

/** A bucket of this moment, with the held messages whose items it now carries. */
export interface MomentBucket extends RecipientBucket {
  /** Keys of held rows merged into this bucket's message. */
  heldKeys: string[];
}

/**
 * Held messages join the person's message of this moment: their items are merged (an item due again now keeps its
 * current form), items resolved meanwhile drop out, and a held message with nothing left is merged all the same.
 */
export function mergeHeld(
  buckets: readonly RecipientBucket[],
  held: readonly MessageRecord[],
  stillOpen: (item: RecipientItem) => boolean,
  personOf: (record: MessageRecord) => RecipientBucket['person'],
): MomentBucket[] {
  const byId = new Map<string, MomentBucket>(buckets.map((b) => [`${b.channel} ${b.address}`, { ...b, heldKeys: [] }]));
  for (const record of held) {
    if (record.channel === 'none') continue;
    const id = `${record.channel} ${record.address}`;
    const bucket: MomentBucket = byId.get(id) ?? {
      channel: record.channel,
      address: record.address,
      person: personOf(record),
      items: [],
      heldKeys: [],
    };
    byId.set(id, bucket);
    bucket.heldKeys.push(record.key);
    for (const item of record.items) {
      if (!stillOpen(item)) continue;
      const known = bucket.items.some((i) => i.unitId === item.unitId && i.obligationId === item.obligationId);
      if (!known) bucket.items.push(item);
    }
  }
  for (const bucket of byId.values()) bucket.items.sort(byImportance);
  return [...byId.values()];
}
