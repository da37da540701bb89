/** One AES-256 key of the payload codec and the id written beside each payload it encrypts. */
export interface PayloadKey {
  readonly id: string;
  readonly key: Buffer;
}

/** AES-256 wants exactly 32 bytes. */
export const PAYLOAD_KEY_BYTES = 32;
/** Ids go into every payload's metadata, so keep them short and plain. */
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * `<id>:<base64 of 32 bytes>` entries, comma-separated (DONDOC_PAYLOAD_KEYS, or the generated key file): the first
 * encrypts, every one decrypts. Returns the keys, or the reason the text is refused (never the key material).
 */
export function parsePayloadKeys(text: string): { keys: PayloadKey[] } | { error: string } {
  const entries = text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  if (entries.length === 0) return { error: 'must list at least one key, `<id>:<base64 of 32 bytes>`' };
  const keys: PayloadKey[] = [];
  for (const [index, entry] of entries.entries()) {
    const colon = entry.indexOf(':');
    const id = colon === -1 ? '' : entry.slice(0, colon);
    const encoded = colon === -1 ? '' : entry.slice(colon + 1).trim();
    if (!KEY_ID.test(id)) {
      return { error: `entry ${index + 1} must be \`<id>:<base64 of 32 bytes>\` with an id of letters, digits, . _ -` };
    }
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== PAYLOAD_KEY_BYTES || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded)) {
      return { error: `key "${id}" must be 32 bytes in base64 (e.g. \`openssl rand -base64 32\`)` };
    }
    if (keys.some((known) => known.id === id)) return { error: `key id "${id}" appears twice` };
    keys.push({ id, key });
  }
  return { keys };
}
