import { isEmbedded, type Config } from '../../config/env';
import type { UserStore } from '../../db/stores';
import { hashPassword, verifyPassword } from '../../links/password-hash';
import { devAdminPassword, parseUsers } from './user-accounts';

export const DEV_ADMIN = 'admin';

/**
 * Writes the accounts the environment declares into the users table, at each start: those of DONDOC_USERS (a
 * changed hash is a password change: it revokes the user's sessions), or in embedded mode without it the `admin`
 * with the generated password. Returns a line for the start-up banner, if any.
 */
export async function bootstrapAccounts(
  config: Config,
  users: UserStore,
  now = new Date(),
): Promise<string | undefined> {
  if (config.env.DONDOC_USERS) {
    for (const [name, hash] of parseUsers(config.env.DONDOC_USERS)) {
      const stored = await users.find(name);
      if (!stored) await users.add(name, hash, now);
      else if (stored.passwordHash !== hash) await users.setPassword(name, hash, now);
    }
    return undefined;
  }
  if (!isEmbedded(config.env)) {
    if ((await users.list()).length > 0) return undefined;
    return 'Dashboard login        no account yet: add one with `dondoc user add <name>`';
  }
  const admin = await devAdminPassword(config.dataDir);
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
