import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { atPlanDate } from '../domain/plan-time';

/**
 * The key that signs submission links: DONDOC_LINK_SECRET when set, else one generated once and kept in
 * `<dataDir>/secrets/link-secret` (mode 0600), so that links stay valid across restarts.
 */
export function loadLinkSecret(dataDir: string, fromEnv?: string): Buffer {
  if (fromEnv) return Buffer.from(fromEnv, 'utf8');
  const file = path.join(dataDir, 'secrets', 'link-secret');
  try {
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(32);
  try {
    writeFileSync(file, secret.toString('base64'), { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (err) {
    // Another process created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST')
      return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    throw err;
  }
}

/** Links of a cycle stay valid until the end of the following January (late submissions are still wanted). */
export function linkExpiry(year: number): number {
  return Math.floor(atPlanDate(`${year + 1}-02-01`) / 1000);
}

export function submissionUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/$/, '')}/s/${token}`;
}
