import type { Config } from '../config/env';
import { devAdminAccount, parseApiTokens, parseUsers } from './auth/user-accounts';
import type { WebConfig } from './web-config';

/**
 * The web part of the environment. Without DONDOC_USERS a development `admin` account is made; `notice` then says
 * where its password is (and the password itself, the first time) for the service to print.
 */
export async function webConfigFromEnv(config: Config): Promise<{ web: WebConfig; notice?: string }> {
  const base = {
    namespace: config.env.TEMPORAL_NAMESPACE,
    apiTokens: parseApiTokens(config.env.DONDOC_API_TOKENS),
    secureCookies: config.env.PUBLIC_BASE_URL?.startsWith('https:') ?? false,
  };
  if (config.env.DONDOC_USERS) return { web: { ...base, users: parseUsers(config.env.DONDOC_USERS) } };
  const admin = await devAdminAccount(config.dataDir);
  const notice = admin.newPassword
    ? `Dashboard login        admin / ${admin.newPassword}  (kept in ${admin.passwordFile}; set DONDOC_USERS in production)`
    : `Dashboard login        admin, password in ${admin.passwordFile} (set DONDOC_USERS in production)`;
  return { web: { ...base, users: admin.users }, notice };
}
