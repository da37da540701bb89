import { deriveKey } from './signed-value';
import type { SigningSecrets } from './signing-secrets';

/** The key that signs one purpose's values, and every key whose signature is still accepted (it first). */
export interface KeyRing {
  readonly signing: Buffer;
  readonly verifying: readonly Buffer[];
}

/**
 * One purpose's keys from the signing secrets: derived per purpose, so that a signature made for one never passes
 * for another; without a purpose, the secrets themselves (submission links, signed so before keys were derived).
 */
export function keyRing(secrets: SigningSecrets, purpose?: string): KeyRing {
  const keyOf = (secret: Buffer) => (purpose === undefined ? secret : deriveKey(secret, purpose));
  const signing = keyOf(secrets.current);
  return { signing, verifying: [signing, ...secrets.previous.map(keyOf)] };
}
