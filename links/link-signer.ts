import { createInboxToken } from './inbox-token';
import { inboxUrl, linkExpiry, submissionUrl } from './link-urls';
import { deriveKey } from './signed-value';
import { createSubmissionToken } from './submission-token';

/** The key-ring purpose of inbox links (`keyRing(secrets, INBOX_PURPOSE)` verifies them). */
export const INBOX_PURPOSE = 'inbox';

/** Signs the submission link of one unit's obligation in one cycle, valid until the end of the next January. */
export interface LinkSigner {
  submissionUrl(cycle: { planId: string; year: number }, unitId: string, obligationId: string): string;
  /** The unit's inbox (`/i/<token>`): every obligation of the unit across plans, while `generation` is current. */
  inboxUrl(unitId: string, generation: number): string;
}

export function createLinkSigner(secret: Buffer, publicBaseUrl: string): LinkSigner {
  const inboxKey = deriveKey(secret, INBOX_PURPOSE);
  return {
    submissionUrl: (cycle, unitId, obligationId) =>
      submissionUrl(
        publicBaseUrl,
        createSubmissionToken(secret, {
          planId: cycle.planId,
          year: cycle.year,
          unitId,
          obligationId,
          exp: linkExpiry(cycle.year),
        }),
      ),
    inboxUrl: (unitId, generation) => inboxUrl(publicBaseUrl, createInboxToken(inboxKey, { unitId, generation })),
  };
}
