import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/**
 * dondoc's own tables (Temporal keeps the cycles). Columns are snake_case in SQL and camelCase here
 * (Kysely's CamelCasePlugin). One interface per table; `migrations/` creates them.
 */
export interface DondocTables {
  sentLedger: SentLedgerTable;
  planSnapshots: PlanSnapshotTable;
  blobs: BlobTable;
  fileRecords: FileRecordTable;
  reportRecords: ReportRecordTable;
  users: UserTable;
  sessions: SessionTable;
  apiTokens: ApiTokenTable;
  zaloTokens: ZaloTokenTable;
  messages: MessageTable;
  contactProblems: ContactProblemTable;
  inboundMessages: InboundMessageTable;
  inboundFiles: InboundFileTable;
  unitInboxes: UnitInboxTable;
}

type CreatedAt = ColumnType<Date, Date | undefined, never>;

/**
 * One row per notification key. A send is claimed (`sending`) before the provider is called, so two workers never
 * both send it; `sent` keeps the provider's answer; `unknown` marks a claim whose sender died mid-send.
 */
export interface SentLedgerTable {
  key: string;
  state: 'sending' | 'sent' | 'unknown';
  /** Who claimed it: worker identity, activity id and attempt. */
  owner: string;
  claimedAt: Date;
  /** The NotifyResult, once `sent`. */
  result: ColumnType<unknown, string | null, string | null> | null;
  updatedAt: Date;
}

/** Plan files as they were when a cycle started or was amended; `id` is the SHA-256 of `text`. */
export interface PlanSnapshotTable {
  id: string;
  text: string;
  /** The validated plan as JSON (null in rows saved before migration 0005). */
  planJson: ColumnType<string | null, string | null | undefined, string | null>;
  /** The fingerprint of the plan schema that validated `planJson`. */
  planSchema: ColumnType<string | null, string | null | undefined, string | null>;
  createdAt: CreatedAt;
}

/** File contents when BLOB_STORE=database (documents are at most 20 MB). */
export interface BlobTable {
  sha256: string;
  content: Buffer;
  size: number;
  createdAt: CreatedAt;
  /** When it was last put: putting the same content again restarts its age, so the sweep spares it. */
  modifiedAt: ColumnType<Date, Date | undefined, Date>;
}

/**
 * A file handed in with a submission. Written before the workflow is asked, so a blob that a submission may use is
 * always referenced; removed only when the workflow surely refused it. The sweep deletes blobs nobody references.
 */
export interface FileRecordTable {
  id: Generated<number>;
  sha256: string;
  filename: string;
  contentType: string;
  size: number;
  cycleId: string;
  unitId: string;
  obligationId: string;
  /** The id of the Update that carried the submission. */
  submissionId: string;
  /** The API token that submitted it, if any. */
  tokenId: string | null;
  createdAt: CreatedAt;
}

/** An aggregated report written into the blob store. */
export interface ReportRecordTable {
  id: Generated<number>;
  cycleId: string;
  name: string;
  sha256: string;
  contentType: string;
  size: number;
  createdAt: CreatedAt;
}

export interface UserTable {
  name: string;
  /** `scrypt$salt$hash`. */
  passwordHash: string;
  createdAt: CreatedAt;
  passwordChangedAt: Date;
}

/** A dashboard session; the cookie carries `id`, the table its SHA-256. Logout and a password change revoke. */
export interface SessionTable {
  idHash: string;
  userName: string;
  createdAt: CreatedAt;
  expiresAt: Date;
  revokedAt: Date | null;
}

/** A bearer token of the JSON API, stored as the SHA-256 of its secret part. */
export interface ApiTokenTable {
  id: string;
  name: string;
  tokenHash: string;
  /** Any of `read`, `submit`, `paper`. */
  scopes: string[];
  createdAt: CreatedAt;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The Zalo OA token pair; the refresh token is single use, so it is refreshed under a row lock. */
export interface ZaloTokenTable {
  account: string;
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: Date;
  refreshedAt: Date;
}

export type SentLedgerRow = Selectable<SentLedgerTable>;
export type NewFileRecord = Insertable<FileRecordTable>;

/** One message of a moment to one person on one channel (`email` or `zalo`), and what became of it. */
export interface MessageTable {
  key: string;
  planId: string;
  year: number;
  /** The moment, ISO in plan time. */
  scheduledAt: string;
  /** The plan day (YYYY-MM-DD) the daily caps count in. */
  planDay: string;
  channel: 'email' | 'zalo' | 'none';
  /** What carried it: `email`, `zns` or `oa` (none while held). */
  via: string | null;
  address: string;
  personName: string;
  status: 'sent' | 'failed' | 'unknown' | 'held' | 'merged' | 'skipped';
  reason: string | null;
  items: ColumnType<unknown, string, string>;
  unitIds: ColumnType<string[], string, string>;
  releaseAt: Date | null;
  mergedInto: string | null;
  providerId: string | null;
  sentAt: Date | null;
  /** The email exactly as rendered (subject, headers, text, html), for Phòng Nội vụ to open. */
  email: ColumnType<unknown, string | null, string | null> | null;
  /** The hash part of the email's Message-ID (a reply names it in In-Reply-To or References). */
  messageHash: ColumnType<string | null, string | null | undefined, string | null | undefined>;
  createdAt: CreatedAt;
  updatedAt: ColumnType<Date, Date | undefined, Date | undefined>;
}

/** A channel that failed for good for a person; tried again only once their contact is edited (another hash). */
export interface ContactProblemTable {
  channel: string;
  address: string;
  contactHash: string;
  name: string;
  code: string;
  reason: string;
  detectedAt: string;
}

/** One inbound email (a reply to a reminder, or anything else sent to dondoc's address) and what became of it. */
export interface InboundMessageTable {
  /** SHA-256 of the Message-ID, or of the raw bytes when it has none. */
  id: string;
  receivedAt: Date;
  transport: string;
  messageId: string | null;
  fromAddress: string;
  subject: string;
  planId: string | null;
  year: number | null;
  /** The key of the `messages` row the reply answered. */
  matchedKey: string | null;
  unitId: string | null;
  obligationIds: ColumnType<string[], string, string>;
  outcome: string;
  /** Why, in Vietnamese, for Phòng Nội vụ. */
  detail: string;
  rawSha256: string;
  createdAt: CreatedAt;
  updatedAt: ColumnType<Date, Date | undefined, Date | undefined>;
}

/** A blob an inbound email brought: kept (the sweep spares it) and, for a report without values, shown on `/s/`. */
export interface InboundFileTable {
  inboundId: string;
  sha256: string;
  filename: string;
  contentType: string;
  size: number;
  planId: string;
  year: number;
  unitId: string;
  obligationId: string;
  createdAt: CreatedAt;
}

/** A unit's inbox link generation; revoking bumps it (no row: generation 1, never revoked). */
export interface UnitInboxTable {
  unitId: string;
  generation: number;
  revokedAt: Date | null;
  revokedBy: string | null;
}
