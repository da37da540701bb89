import { createHash } from 'node:crypto';

/** What the database keeps of a session id or an API token: its SHA-256 (hex), never the secret itself. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
