import { linkExpiry, submissionUrl } from './link-urls';
import { createSubmissionToken } from './submission-token';

/** Signs the submission link of one unit's obligation in one cycle, valid until the end of the next January. */
export interface LinkSigner {
  submissionUrl(cycle: { planId: string; year: number }, unitId: string, obligationId: string): string;
}

export function createLinkSigner(secret: Buffer, publicBaseUrl: string): LinkSigner {
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
  };
}
