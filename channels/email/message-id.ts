import { createHash } from 'node:crypto';

const FALLBACK_DOMAIN = 'dondoc.local';

/**
 * The Message-ID of the email sent under a send key. Deterministic, so a retried activity that re-sends an email the
 * server had already accepted produces the same id, and mail clients and archives collapse the duplicate.
 */
export function messageIdForKey(key: string, domain: string): string {
  const hash = createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 40);
  return `<${hash}@${domain || FALLBACK_DOMAIN}>`;
}

/** The domain of a From address (`"Name" <dondoc@ia-pa.gov.vn>` or a bare address); a fixed one when it has none. */
export function domainOfAddress(from: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from.trim());
  return match?.[1]?.toLowerCase() ?? FALLBACK_DOMAIN;
}
