import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { readOrCreateSecretFile } from '../../config/secret-file';
import { AppError } from '../../domain/errors';

/** `name:scrypt$salt$hash,name2:…` (DONDOC_USERS) → name → hash. */
export function parseUsers(text: string): Map<string, string> {
  const users = new Map<string, string>();
  for (const entry of text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    const colon = entry.indexOf(':');
    const name = entry.slice(0, colon);
    const hash = entry.slice(colon + 1);
    if (colon <= 0 || !hash.startsWith('scrypt$')) {
      throw new AppError('CONFIG_INVALID', `DONDOC_USERS: "${name || entry}" must be name:scrypt$salt$hash`);
    }
    users.set(name, hash);
  }
  return users;
}

export interface DevAdminPassword {
  password: string;
  /** Where the password is kept (mode 0600). */
  passwordFile: string;
  /** True only on the run that created it: print it once. */
  created: boolean;
}

/**
 * Embedded mode without DONDOC_USERS: the `admin` account's random password, written once to
 * `<dataDir>/secrets/admin-password` (0600) and reused on later starts. An empty file refuses to start.
 */
export async function devAdminPassword(dataDir: string): Promise<DevAdminPassword> {
  const passwordFile = path.join(dataDir, 'secrets', 'admin-password');
  const { value, created } = await readOrCreateSecretFile(passwordFile, () => randomBytes(12).toString('base64url'), {
    minBytes: 1,
    refusal: 'the admin password file is empty (delete it to have a new password generated)',
  });
  return { password: value, passwordFile, created };
}
