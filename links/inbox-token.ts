import { openSignedFields, signFields } from './signed-value';

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
  return signFields(key, VERSION, [claims.unitId, claims.generation]);
}

/** The signature first (constant time, under every key still accepted), then the fields. */
export function verifyInboxToken(keys: readonly Buffer[], token: string): InboxTokenCheck {
  const opened = openSignedFields(keys, VERSION, token, 2);
  if (!opened.ok) return opened;
  const [unitId, generation] = opened.fields;
  if (typeof unitId !== 'string' || unitId === '') return { ok: false, reason: 'malformed' };
  if (typeof generation !== 'number' || !Number.isInteger(generation) || generation < 1)
    return { ok: false, reason: 'malformed' };
  return { ok: true, claims: { unitId, generation } };
}
