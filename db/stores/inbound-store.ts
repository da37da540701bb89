import { sql } from 'kysely';
import type { DondocDb } from '../postgres-pool';
import type { InboundMessageTable } from '../schema';

export type InboundOutcomeName =
  | 'pending'
  | 'submitted'
  | 'needs-values'
  | 'refused-sender'
  | 'unmatched'
  | 'closed'
  | 'rejected-attachments'
  | 'ignored';

/** One inbound email and what became of it. */
export interface InboundRecord {
  id: string;
  receivedAt: Date;
  transport: string;
  messageId?: string;
  fromAddress: string;
  subject: string;
  planId?: string;
  year?: number;
  matchedKey?: string;
  unitId?: string;
  obligationIds: string[];
  outcome: InboundOutcomeName;
  detail: string;
  rawSha256: string;
}

export interface InboundFileRecord {
  inboundId: string;
  sha256: string;
  filename: string;
  contentType: string;
  size: number;
  planId: string;
  year: number;
  unitId: string;
  obligationId: string;
}

/** The email channel's `messages` row a reply answers, found by the hash part of its Message-ID. */
export interface AnsweredMessage {
  key: string;
  planId: string;
  year: number;
  items: { unitId: string; obligationId: string; role?: string }[];
}

export interface InboundStore {
  /** Inserts `record` as `pending` unless the id is there; returns the row as it now stands and whether it is new. */
  claim(record: Omit<InboundRecord, 'outcome' | 'detail'>): Promise<{ record: InboundRecord; created: boolean }>;
  finish(id: string, fields: Partial<Omit<InboundRecord, 'id' | 'rawSha256' | 'receivedAt'>>): Promise<void>;
  addFiles(files: readonly InboundFileRecord[]): Promise<void>;
  /** Files kept from replies that could not be submitted for want of values (shown on the submission page). */
  draftFiles(
    cycle: { planId: string; year: number },
    unitId: string,
    obligationId: string,
  ): Promise<InboundFileRecord[]>;
  /** Newest first. */
  list(cycle: { planId: string; year: number }, limit?: number): Promise<InboundRecord[]>;
  /** The email message whose Message-ID has this hash part. */
  messageByHash(hash: string): Promise<AnsweredMessage | undefined>;
}

/** A row as selected: the table's columns, the JSON list read back as it comes. */
type Row = Omit<InboundMessageTable, 'obligationIds' | 'createdAt' | 'updatedAt'> & { obligationIds: unknown };

function fromRow(row: Row): InboundRecord {
  return {
    id: row.id,
    receivedAt: new Date(row.receivedAt),
    transport: row.transport,
    ...(row.messageId && { messageId: row.messageId }),
    fromAddress: row.fromAddress,
    subject: row.subject,
    ...(row.planId && { planId: row.planId }),
    ...(row.year !== null && { year: row.year }),
    ...(row.matchedKey && { matchedKey: row.matchedKey }),
    ...(row.unitId && { unitId: row.unitId }),
    obligationIds: row.obligationIds as string[],
    outcome: row.outcome as InboundOutcomeName,
    detail: row.detail,
    rawSha256: row.rawSha256,
  };
}

const COLUMNS = [
  'id',
  'receivedAt',
  'transport',
  'messageId',
  'fromAddress',
  'subject',
  'planId',
  'year',
  'matchedKey',
  'unitId',
  'obligationIds',
  'outcome',
  'detail',
  'rawSha256',
] as const;

/** `inbound_messages` and `inbound_files`, shared by every host (two hosts polling one mailbox claim each mail once). */
export function createInboundStore(db: DondocDb): InboundStore {
  return {
    async claim(record) {
      const inserted = await db
        .insertInto('inboundMessages')
        .values({
          id: record.id,
          receivedAt: record.receivedAt,
          transport: record.transport,
          messageId: record.messageId ?? null,
          fromAddress: record.fromAddress,
          subject: record.subject,
          planId: record.planId ?? null,
          year: record.year ?? null,
          matchedKey: record.matchedKey ?? null,
          unitId: record.unitId ?? null,
          obligationIds: JSON.stringify(record.obligationIds),
          outcome: 'pending',
          detail: '',
          rawSha256: record.rawSha256,
        })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      const row = await db.selectFrom('inboundMessages').select(COLUMNS).where('id', '=', record.id).executeTakeFirst();
      if (!row) throw new Error(`inbound message ${record.id} vanished after its claim`);
      return { record: fromRow(row), created: inserted !== undefined };
    },

    async finish(id, fields) {
      await db
        .updateTable('inboundMessages')
        .set({
          ...(fields.outcome !== undefined && { outcome: fields.outcome }),
          ...(fields.detail !== undefined && { detail: fields.detail }),
          ...(fields.planId !== undefined && { planId: fields.planId }),
          ...(fields.year !== undefined && { year: fields.year }),
          ...(fields.matchedKey !== undefined && { matchedKey: fields.matchedKey }),
          ...(fields.unitId !== undefined && { unitId: fields.unitId }),
          ...(fields.obligationIds !== undefined && { obligationIds: JSON.stringify(fields.obligationIds) }),
          updatedAt: sql<Date>`now()`,
        })
        .where('id', '=', id)
        .execute();
    },

    async addFiles(files) {
      if (files.length === 0) return;
      await db
        .insertInto('inboundFiles')
        .values(files.map((file) => ({ ...file })))
        .onConflict((conflict) => conflict.columns(['inboundId', 'obligationId', 'sha256', 'filename']).doNothing())
        .execute();
    },

    async draftFiles(cycle, unitId, obligationId) {
      const rows = await db
        .selectFrom('inboundFiles')
        .innerJoin('inboundMessages', 'inboundMessages.id', 'inboundFiles.inboundId')
        .select([
          'inboundFiles.inboundId',
          'inboundFiles.sha256',
          'inboundFiles.filename',
          'inboundFiles.contentType',
          'inboundFiles.size',
          'inboundFiles.planId',
          'inboundFiles.year',
          'inboundFiles.unitId',
          'inboundFiles.obligationId',
        ])
        .where('inboundFiles.planId', '=', cycle.planId)
        .where('inboundFiles.year', '=', cycle.year)
        .where('inboundFiles.unitId', '=', unitId)
        .where('inboundFiles.obligationId', '=', obligationId)
        .where('inboundMessages.outcome', '=', 'needs-values')
        .orderBy('inboundFiles.createdAt')
        .execute();
      return rows;
    },

    async list(cycle, limit = 500) {
      const rows = await db
        .selectFrom('inboundMessages')
        .select(COLUMNS)
        .where('planId', '=', cycle.planId)
        .where('year', '=', cycle.year)
        .orderBy('receivedAt', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(fromRow);
    },

    async messageByHash(hash) {
      const row = await db
        .selectFrom('messages')
        .select(['key', 'planId', 'year', 'items'])
        .where('messageHash', '=', hash)
        .where('channel', '=', 'email')
        .executeTakeFirst();
      if (!row) return undefined;
      return { key: row.key, planId: row.planId, year: row.year, items: row.items as AnsweredMessage['items'] };
    },
  };
}
