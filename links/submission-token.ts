import { mac, macMatchesAny } from './signed-value';

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

function sign(secret: Buffer, body: string): string {
  return mac(secret, `${VERSION}.${body}`);
}

/** `v1.<base64url(JSON claims)>.<base64url(HMAC-SHA256)>`: short enough for a ZNS parameter and an SMS. */
export function createSubmissionToken(secret: Buffer, claims: SubmissionClaims): string {
  const body = Buffer.from(
    JSON.stringify([claims.planId, claims.year, claims.unitId, claims.obligationId, claims.exp]),
  ).toString('base64url');
  return `${VERSION}.${body}.${sign(secret, body)}`;
}

/**
 * Checks the signature in constant time before reading anything, then the expiry. `keys`: the current secret and
 * the previous ones, so links sent before a rotation keep working.
 */
export function verifySubmissionToken(keys: readonly Buffer[], token: string, nowMs: number): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION || !parts[1] || !parts[2]) return { ok: false, reason: 'malformed' };
  if (!macMatchesAny(keys, `${VERSION}.${parts[1]}`, parts[2])) return { ok: false, reason: 'bad-signature' };
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!Array.isArray(fields) || fields.length !== 5) return { ok: false, reason: 'malformed' };
  const [planId, year, unitId, obligationId, exp] = fields as unknown[];
  if (typeof planId !== 'string' || typeof year !== 'number' || typeof unitId !== 'string')
    return { ok: false, reason: 'malformed' };
  if (typeof obligationId !== 'string' || typeof exp !== 'number') return { ok: false, reason: 'malformed' };
  if (exp * 1000 <= nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { planId, year, unitId, obligationId, exp } };
}
