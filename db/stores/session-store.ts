import { randomBytes } from 'node:crypto';
import type { DondocDb } from '../postgres-pool';
import { secretHash } from './secret-hash';

export interface SessionRecord {
  userName: string;
  expiresAt: Date;
}

/**
 * Dashboard sessions. The browser holds a random id; the table holds its SHA-256, so a copy of the table opens no
 * session. The table is the truth on every host: a revoked session is refused at once everywhere.
 */
export interface SessionStore {
  /** A new session of `userName`; the id is for the cookie and is not kept. */
  open(userName: string, expiresAt: Date): Promise<string>;
  /** The session, when it exists, is not revoked and has not expired. */
  find(sessionId: string, now: Date): Promise<SessionRecord | undefined>;
  revoke(sessionId: string, now: Date): Promise<void>;
  /** Revokes every live session of the user (but `except`); returns how many. */
  revokeAllOf(userName: string, now: Date, options?: { except?: string }): Promise<number>;
  /** Deletes the rows of sessions expired or revoked before `before`. */
  deleteEnded(before: Date): Promise<number>;
}

export function createSessionStore(db: DondocDb): SessionStore {
  return {
    async open(userName, expiresAt) {
      const sessionId = randomBytes(32).toString('base64url');
      await db
        .insertInto('sessions')
        .values({ idHash: secretHash(sessionId), userName, expiresAt })
        .execute();
      return sessionId;
    },

    find: (sessionId, now) =>
      db
        .selectFrom('sessions')
        .select(['userName', 'expiresAt'])
        .where('idHash', '=', secretHash(sessionId))
        .where('revokedAt', 'is', null)
        .where('expiresAt', '>', now)
        .executeTakeFirst(),

    async revoke(sessionId, now) {
      await db
        .updateTable('sessions')
        .set({ revokedAt: now })
        .where('idHash', '=', secretHash(sessionId))
        .where('revokedAt', 'is', null)
        .execute();
    },

    async revokeAllOf(userName, now, options) {
      let query = db
        .updateTable('sessions')
        .set({ revokedAt: now })
        .where('userName', '=', userName)
        .where('revokedAt', 'is', null);
      if (options?.except) query = query.where('idHash', '<>', secretHash(options.except));
      return Number((await query.executeTakeFirst()).numUpdatedRows);
    },

    async deleteEnded(before) {
      const deleted = await db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('expiresAt', '<', before), eb('revokedAt', '<', before)]))
        .executeTakeFirst();
      return Number(deleted.numDeletedRows);
    },
  };
}
