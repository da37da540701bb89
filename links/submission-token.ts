import { openSignedFields, signFields } from './signed-value';

/** What a submission link grants: one cycle, one unit, one obligation, until `exp`. */
export interface SubmissionClaims {
  planId: string;
  year: number;
  unitId: string;
  obligationId: string;
  /** Expiry, epoch seconds. */
  exp: number;
}

export type TokenCheck =
  { ok: true; claims: SubmissionClaims } | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' };

const VERSION = 'v1';

/** `v1.<base64url(JSON claims)>.<base64url(HMAC-SHA256)>`: short enough for a ZNS parameter and an SMS. */
export function createSubmissionToken(secret: Buffer, claims: SubmissionClaims): string {
  return signFields(secret, VERSION, [claims.planId, claims.year, claims.unitId, claims.obligationId, claims.exp]);
}

/**
 * Checks the signature in constant time before reading anything, then the expiry. `keys`: the current secret and
 * the previous ones, so links sent before a rotation keep working.
 */
export function verifySubmissionToken(keys: readonly Buffer[], token: string, nowMs: number): TokenCheck {
  const opened = openSignedFields(keys, VERSION, token, 5);
  if (!opened.ok) return opened;
  const [planId, year, unitId, obligationId, exp] = opened.fields;
  if (typeof planId !== 'string' || typeof year !== 'number' || typeof unitId !== 'string')
    return { ok: false, reason: 'malformed' };
  if (typeof obligationId !== 'string' || typeof exp !== 'number') return { ok: false, reason: 'malformed' };
  if (exp * 1000 <= nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { planId, year, unitId, obligationId, exp } };
}
