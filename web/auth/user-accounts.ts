import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../domain/errors';
import { hashPassword } from './password-hash';

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

/** `DONDOC_API_TOKENS`: comma-separated; blanks ignored. */
export function parseApiTokens(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((token) => token.trim())
    .filter(Boolean);
}

export interface DevAdmin {
  users: Map<string, string>;
  /** Where the password is kept (mode 0600). */
  passwordFile: string;
  /** Set only on the run that created the account: print it once. */
  newPassword?: string;
}

/**
 * Development only, when DONDOC_USERS is unset: one `admin` account whose random password is written once to
 * `<dataDir>/secrets/admin-password` (0600) and reused on later starts.
 */
export async function devAdminAccount(dataDir: string): Promise<DevAdmin> {
  const passwordFile = path.join(dataDir, 'secrets', 'admin-password');
  let password: string;
  let newPassword: string | undefined;
  try {
    password = readFileSync(passwordFile, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    mkdirSync(path.dirname(passwordFile), { recursive: true, mode: 0o700 });
    password = newPassword = randomBytes(12).toString('base64url');
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600, flag: 'wx' });
  }
  return {
    users: new Map([['admin', await hashPassword(password)]]),
    passwordFile,
    ...(newPassword && { newPassword }),
  };
}
