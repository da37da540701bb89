import { createHmac, timingSafeEqual } from 'node:crypto';

/** A key of its own per purpose, derived from a signing secret, so a link signature never passes for a session. */
export function deriveKey(secret: Buffer, purpose: string): Buffer {
  return createHmac('sha256', secret).update(`dondoc-web/${purpose}`).digest();
}

export function mac(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text).digest('base64url');
}

/** Constant-time comparison of two strings of any length. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** True when `signature` is the MAC of `text` under one of `keys`; each is checked, in constant time. */
export function macMatchesAny(keys: readonly Buffer[], text: string, signature: string): boolean {
  let ok = false;
  for (const key of keys) ok = safeEqual(mac(key, text), signature) || ok;
  return ok;
}

/** `<version>.<base64url(JSON fields)>.<mac>`: the shape of every signed link token. */
export function signFields(key: Buffer, version: string, fields: readonly unknown[]): string {
  const body = Buffer.from(JSON.stringify(fields)).toString('base64url');
  return `${version}.${body}.${mac(key, `${version}.${body}`)}`;
}

export type OpenedFields = { ok: true; fields: unknown[] } | { ok: false; reason: 'malformed' | 'bad-signature' };

/** Checks the signature in constant time (under every key still accepted) before reading anything, then the JSON. */
export function openSignedFields(keys: readonly Buffer[], version: string, token: string, count: number): OpenedFields {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== version || !parts[1] || !parts[2]) return { ok: false, reason: 'malformed' };
  if (!macMatchesAny(keys, `${version}.${parts[1]}`, parts[2])) return { ok: false, reason: 'bad-signature' };
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!Array.isArray(fields) || fields.length !== count) return { ok: false, reason: 'malformed' };
  return { ok: true, fields: fields as unknown[] };
}
