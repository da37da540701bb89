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
