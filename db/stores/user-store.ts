import type { DondocDb } from '../postgres-pool';
import { secretHash } from './secret-hash';

export interface UserRecord {
  name: string;
  /** `scrypt$salt$hash`. */
  passwordHash: string;
  createdAt: Date;
  passwordChangedAt: Date;
}

/** Dashboard accounts. */
export interface UserStore {
  find(name: string): Promise<UserRecord | undefined>;
  list(): Promise<UserRecord[]>;
  /** False when the name is taken. */
  add(name: string, passwordHash: string, now: Date): Promise<boolean>;
  /**
   * Sets the password and revokes every session of the user (but `keepSessionId`'s, the one that changed it), in one
   * transaction. False when there is no such user.
   */
  setPassword(name: string, passwordHash: string, now: Date, options?: { keepSessionId?: string }): Promise<boolean>;
  /** Removes the user and, with it, its sessions. False when there is no such user. */
  remove(name: string): Promise<boolean>;
}

export function createUserStore(db: DondocDb): UserStore {
  const columns = ['name', 'passwordHash', 'createdAt', 'passwordChangedAt'] as const;
  return {
    find: (name) => db.selectFrom('users').select(columns).where('name', '=', name).executeTakeFirst(),

    list: () => db.selectFrom('users').select(columns).orderBy('name').execute(),

    async add(name, passwordHash, now) {
      const inserted = await db
        .insertInto('users')
        .values({ name, passwordHash, createdAt: now, passwordChangedAt: now })
        .onConflict((conflict) => conflict.column('name').doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    setPassword(name, passwordHash, now, options) {
      return db.transaction().execute(async (tx) => {
        const updated = await tx
          .updateTable('users')
          .set({ passwordHash, passwordChangedAt: now })
          .where('name', '=', name)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) return false;
        let sessions = tx
          .updateTable('sessions')
          .set({ revokedAt: now })
          .where('userName', '=', name)
          .where('revokedAt', 'is', null);
        if (options?.keepSessionId) sessions = sessions.where('idHash', '<>', secretHash(options.keepSessionId));
        await sessions.execute();
        return true;
      });
    },

    async remove(name) {
      const deleted = await db.deleteFrom('users').where('name', '=', name).executeTakeFirst();
      return Number(deleted.numDeletedRows) === 1;
    },
  };
}
