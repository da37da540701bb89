import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { RecipientItem } from '../../domain/dispatch/message-items';
import type {
  ContactProblemRecord,
  ContactProblemStore,
  MessageRecord,
  MessageStatus,
  MessageStore,
  RenderedEmailCopy,
} from '../../domain/dispatch/message-record';
import { toPlanIso } from '../../domain/plan-time';
import type { DondocDb } from '../postgres-pool';
import type { MessageTable } from '../schema';
import { createUnitInboxStore, type UnitInboxStore } from './unit-inbox-store';

type Row = Omit<MessageTable, 'createdAt' | 'updatedAt' | 'items' | 'unitIds' | 'email' | 'messageHash'> & {
  items: unknown;
  unitIds: unknown;
  email: unknown;
};

function fromRow(row: Row): MessageRecord {
  return {
    key: row.key,
    planId: row.planId,
    year: row.year,
    scheduledAt: row.scheduledAt,
    planDay: row.planDay,
    channel: row.channel,
    ...(row.via && { via: row.via as MessageRecord['via'] }),
    address: row.address,
    personName: row.personName,
    status: row.status,
    ...(row.reason && { reason: row.reason }),
    items: row.items as RecipientItem[],
    ...(row.releaseAt && { releaseAt: toPlanIso(row.releaseAt.getTime()) }),
    ...(row.mergedInto && { mergedInto: row.mergedInto }),
    ...(row.providerId && { providerId: row.providerId }),
    ...(row.sentAt && { sentAt: toPlanIso(row.sentAt.getTime()) }),
    ...(row.email ? { email: row.email as RenderedEmailCopy } : {}),
  };
}

/** A record as the row `messages` keeps. */
function rowValues(record: MessageRecord) {
  return {
    key: record.key,
    planId: record.planId,
    year: record.year,
    scheduledAt: record.scheduledAt,
    planDay: record.planDay,
    channel: record.channel,
    via: record.via ?? null,
    address: record.address,
    personName: record.personName,
    status: record.status,
    reason: record.reason ?? null,
    items: JSON.stringify(record.items),
    unitIds: JSON.stringify([...new Set(record.items.map((i) => i.unitId))]),
    releaseAt: record.releaseAt ? new Date(record.releaseAt) : null,
    mergedInto: record.mergedInto ?? null,
    providerId: record.providerId ?? null,
    sentAt: record.sentAt ? new Date(record.sentAt) : null,
    email: record.email ? JSON.stringify(record.email) : null,
    // The email's Message-ID part (channels/email/message-id.ts), so a reply finds the message it answers.
    messageHash: createHash('sha256').update(record.key, 'utf8').digest('hex').slice(0, 40),
  };
}

/** Every column but the key: what saving over an existing row replaces. */
const UPDATED_COLUMNS = [
  'planId',
  'year',
  'scheduledAt',
  'planDay',
  'channel',
  'via',
  'address',
  'personName',
  'status',
  'reason',
  'items',
  'unitIds',
  'releaseAt',
  'mergedInto',
  'providerId',
  'sentAt',
  'email',
] as const;

/** The notification centre's rows in `messages`, shared by every host. */
export function createDbMessageStore(db: DondocDb): MessageStore {
  async function saveMany(records: readonly MessageRecord[]): Promise<void> {
    // ON CONFLICT cannot touch one row twice in a statement: the last row of a key wins, as in a series of saves.
    const byKey = new Map(records.map((record) => [record.key, record]));
    if (byKey.size === 0) return;
    await db
      .insertInto('messages')
      .values([...byKey.values()].map(rowValues))
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet((eb) => ({
          ...Object.fromEntries(UPDATED_COLUMNS.map((column) => [column, eb.ref(`excluded.${column}`)])),
          updatedAt: sql<Date>`now()`,
        })),
      )
      .execute();
  }

  const columns = ['key', ...UPDATED_COLUMNS] as const;
  return {
    save: (record) => saveMany([record]),
    saveMany,

    async get(key) {
      const row = await db.selectFrom('messages').select(columns).where('key', '=', key).executeTakeFirst();
      return row ? fromRow(row) : undefined;
    },

    async heldDue(cycle, atMs) {
      const rows = await db
        .selectFrom('messages')
        .select(columns)
        .where('planId', '=', cycle.planId)
        .where('year', '=', cycle.year)
        .where('status', '=', 'held')
        .where('releaseAt', '<=', new Date(atMs))
        .orderBy('key')
        .execute();
      return rows.map(fromRow);
    },

    async nextRelease(cycle) {
      const row = await db
        .selectFrom('messages')
        .select((eb) => eb.fn.min('releaseAt').as('next'))
        .where('planId', '=', cycle.planId)
        .where('year', '=', cycle.year)
        .where('status', '=', 'held')
        .executeTakeFirst();
      const next = row?.next as Date | string | null | undefined;
      return next ? new Date(next).getTime() : undefined;
    },

    async markMerged(keys, into) {
      if (keys.length === 0) return;
      await db
        .updateTable('messages')
        .set({ status: 'merged', mergedInto: into, updatedAt: sql<Date>`now()` })
        .where('key', 'in', [...keys])
        .where('status', '=', 'held')
        .execute();
    },

    async deliveredOn(planDay, exceptAt) {
      let query = db
        .selectFrom('messages')
        .select(['channel', 'address', (eb) => eb.fn.countAll<string>().as('n')])
        .where('planDay', '=', planDay)
        .where('status', 'in', ['sent', 'unknown']);
      if (exceptAt) query = query.where('scheduledAt', '!=', exceptAt);
      const rows = await query.groupBy(['channel', 'address']).execute();
      return new Map(rows.map((row) => [`${row.channel} ${row.address}`, Number(row.n)]));
    },

    async list(filter) {
      let query = db
        .selectFrom('messages')
        .select(columns)
        .where('planId', '=', filter.planId)
        .where('year', '=', filter.year);
      if (filter.unitId) query = query.where(sql<boolean>`unit_ids @> ${JSON.stringify([filter.unitId])}::jsonb`);
      if (filter.status) query = query.where('status', '=', filter.status);
      const rows = await query
        .orderBy('scheduledAt', 'desc')
        .orderBy('key')
        .limit(filter.limit ?? 500)
        .execute();
      return rows.map(fromRow);
    },

    async countByStatus(cycle) {
      const rows = await db
        .selectFrom('messages')
        .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
        .where('planId', '=', cycle.planId)
        .where('year', '=', cycle.year)
        .groupBy('status')
        .execute();
      const counts: Partial<Record<MessageStatus, number>> = {};
      for (const row of rows) counts[row.status] = Number(row.n);
      return counts;
    },
  };
}

export function createDbContactProblemStore(db: DondocDb): ContactProblemStore {
  return {
    async add(problem) {
      await db
        .insertInto('contactProblems')
        .values(problem)
        .onConflict((conflict) => conflict.columns(['channel', 'address', 'contactHash']).doNothing())
        .execute();
    },
    async list() {
      const rows = await db.selectFrom('contactProblems').selectAll().orderBy('detectedAt', 'desc').execute();
      return rows.map((row) => ({ ...row, channel: row.channel as ContactProblemRecord['channel'] }));
    },
  };
}

/** Both notification-centre stores on one database. */
export function createDispatchStores(db: DondocDb): {
  messages: MessageStore;
  contactProblems: ContactProblemStore;
  inboxes: UnitInboxStore;
} {
  return {
    messages: createDbMessageStore(db),
    contactProblems: createDbContactProblemStore(db),
    inboxes: createUnitInboxStore(db),
  };
}
