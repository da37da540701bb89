import { randomBytes } from 'node:crypto';
import type { DondocDb } from '../postgres-pool';
import { secretHash } from './secret-hash';

/**
 * `read`: the GET endpoints; `submit`: submissions; `paper`: a paper submission's reception date (`receivedAt`);
 * `codec`: the codec endpoint (`/codec/decode`: personal data in Temporal histories, in clear).
 */
export const API_SCOPES = ['read', 'submit', 'paper', 'codec'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export interface ApiTokenRecord {
  id: string;
  name: string;
  scopes: ApiScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Bearer tokens of the JSON API. Only the SHA-256 of a token is kept: it is shown once, when created. */
export interface ApiTokenStore {
  /** A new token: `ddk_<id>_<secret>`. */
  create(name: string, scopes: readonly ApiScope[], now: Date): Promise<{ record: ApiTokenRecord; token: string }>;
  /** The token's record when it is one of ours and not revoked. */
  verify(token: string, now: Date): Promise<ApiTokenRecord | undefined>;
  list(): Promise<ApiTokenRecord[]>;
  /** False when no live token has this id. */
  revoke(id: string, now: Date): Promise<boolean>;
}

const TOKEN = /^ddk_([0-9a-f]{12})_[\w-]{43}$/;
/** `lastUsedAt` is written at most this often per token: a busy client does not turn reads into writes. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function createApiTokenStore(db: DondocDb): ApiTokenStore {
  const columns = ['id', 'name', 'scopes', 'createdAt', 'lastUsedAt', 'revokedAt'] as const;
  const record = (row: { scopes: string[] } & Omit<ApiTokenRecord, 'scopes'>): ApiTokenRecord => ({
    ...row,
    scopes: row.scopes.filter((scope): scope is ApiScope => (API_SCOPES as readonly string[]).includes(scope)),
  });
  return {
    async create(name, scopes, now) {
      const id = randomBytes(6).toString('hex');
      const token = `ddk_${id}_${randomBytes(32).toString('base64url')}`;
      const row = await db
        .insertInto('apiTokens')
        .values({ id, name, tokenHash: secretHash(token), scopes: [...new Set(scopes)], createdAt: now })
        .returning(columns)
        .executeTakeFirstOrThrow();
      return { record: record(row), token };
    },

    async verify(token, now) {
      const id = TOKEN.exec(token)?.[1];
      if (!id) return undefined;
      const row = await db
        .selectFrom('apiTokens')
        .select(columns)
        .where('id', '=', id)
        .where('tokenHash', '=', secretHash(token))
        .where('revokedAt', 'is', null)
        .executeTakeFirst();
      if (!row) return undefined;
      if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
        await db.updateTable('apiTokens').set({ lastUsedAt: now }).where('id', '=', id).execute();
      }
      return record(row);
    },

    async list() {
      return (await db.selectFrom('apiTokens').select(columns).orderBy('createdAt').orderBy('id').execute()).map(
        record,
      );
    },

    async revoke(id, now) {
      const updated = await db
        .updateTable('apiTokens')
        .set({ revokedAt: now })
        .where('id', '=', id)
        .where('revokedAt', 'is', null)
        .executeTakeFirst();
      return Number(updated.numUpdatedRows) === 1;
    },
  };
}
