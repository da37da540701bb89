import { isEmbedded, type Config } from '../../config/env';
import type { UserStore } from '../../db/stores';
import { hashPassword, verifyPassword } from '../../links/password-hash';
import { devAdminPassword, parseUsers, type DevAdminPassword } from './user-accounts';

export const DEV_ADMIN = 'admin';

/** The accounts the environment declares: DONDOC_USERS, or in embedded mode without it the `admin`. */
export interface DeclaredAccounts {
  /** DONDOC_USERS: name → `scrypt$…`. */
  users: ReadonlyMap<string, string>;
  devAdmin?: DevAdminPassword;
}

/**
 * Read before anything starts: a malformed DONDOC_USERS or an empty admin password file refuses to start with one
 * line. The admin password is generated the first time (embedded mode only).
 */
export async function declaredAccounts(config: Config): Promise<DeclaredAccounts> {
  if (config.env.DONDOC_USERS) return { users: parseUsers(config.env.DONDOC_USERS) };
  if (!isEmbedded(config.env)) return { users: new Map() };
  return { users: new Map(), devAdmin: await devAdminPassword(config.dataDir) };
}

/**
 * Writes the declared accounts into the users table, at each start. A DONDOC_USERS hash that changed is a password
 * change: it revokes the user's sessions. Returns a line for the start-up banner, if any.
 */
export async function bootstrapAccounts(
  declared: DeclaredAccounts,
  users: UserStore,
  now = new Date(),
): Promise<string | undefined> {
  for (const [name, hash] of declared.users) {
    const stored = await users.find(name);
    if (!stored) await users.add(name, hash, now);
    else if (stored.passwordHash !== hash) await users.setPassword(name, hash, now);
  }
  const admin = declared.devAdmin;
  if (!admin) {
    if (declared.users.size > 0 || (await users.list()).length > 0) return undefined;
    return 'Dashboard login        no account yet: add one with `dondoc user add <name>`';
  }
  const stored = await users.find(DEV_ADMIN);
  // The hash is salted anew each time: compare by verifying, so that a restart does not count as a password change.
  if (!stored) await users.add(DEV_ADMIN, await hashPassword(admin.password), now);
  else if (!(await verifyPassword(admin.password, stored.passwordHash))) {
    await users.setPassword(DEV_ADMIN, await hashPassword(admin.password), now);
  }
  return admin.created
    ? `Dashboard login        ${DEV_ADMIN} / ${admin.password}  (kept in ${admin.passwordFile}; set DONDOC_USERS or use \`dondoc user\` in production)`
    : `Dashboard login        ${DEV_ADMIN}, password in ${admin.passwordFile} (set DONDOC_USERS or use \`dondoc user\` in production)`;
}
