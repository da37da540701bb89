import { createHash } from 'node:crypto';

/** Zalo does not document tracking_id's length or alphabet; 32 plain characters is well inside every guess. */
export const TRACKING_ID_MAX_LENGTH = 32;

/** The ZNS `tracking_id` of a send: the key itself when short and plain, otherwise its truncated SHA-256. */
export function trackingId(idempotencyKey: string): string {
  if (idempotencyKey.length <= TRACKING_ID_MAX_LENGTH && /^[A-Za-z0-9_.-]+$/.test(idempotencyKey)) {
    return idempotencyKey;
  }
  return createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, TRACKING_ID_MAX_LENGTH);
}
