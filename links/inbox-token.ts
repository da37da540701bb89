import { mac, macMatchesAny } from './signed-value';

/** What a unit's inbox link grants: every obligation of the unit across the cycles in force, while `generation` is current. */
export interface InboxClaims {
  unitId: string;
  generation: number;
}

export type InboxTokenCheck = { ok: true; claims: InboxClaims } | { ok: false; reason: 'malformed' | 'bad-signature' };

const VERSION = 'i1';

/**
 * `i1.<base64url(JSON [unitId, generation])>.<base64url(HMAC-SHA256)>` under the `inbox` key ring. No expiry inside:
 * the link lives while its generation is the unit's current one and the unit has a cycle in force.
 */
export function createInboxToken(key: Buffer, claims: InboxClaims): string {
  const body = Buffer.from(JSON.stringify([claims.unitId, claims.generation])).toString('base64url');
  return `${VERSION}.${body}.${mac(key, `${VERSION}.${body}`)}`;
}

/** The signature first (constant time, under every key still accepted), then the fields. */
export function verifyInboxToken(keys: readonly Buffer[], token: string): InboxTokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION || !parts[1] || !parts[2]) return { ok: false, reason: 'malformed' };
  if (!macMatchesAny(keys, `${VERSION}.${parts[1]}`, parts[2])) return { ok: false, reason: 'bad-signature' };
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!Array.isArray(fields) || fields.length !== 2) return { ok: false, reason: 'malformed' };
  const [unitId, generation] = fields as unknown[];
  if (typeof unitId !== 'string' || unitId === '') return { ok: false, reason: 'malformed' };
  if (typeof generation !== 'number' || !Number.isInteger(generation) || generation < 1)
    return { ok: false, reason: 'malformed' };
  return { ok: true, claims: { unitId, generation } };
}
