import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { METADATA_ENCODING_KEY, ValueError, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { PayloadKey } from '../../config/payload-keys';

/** The metadata the Temporal samples' encryption codec writes: the Web UI and other SDKs' codecs know these names. */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const METADATA_ENCRYPTION_KEY_ID = 'encryption-key-id';
/** Present (`deflate-raw`) when the sealed protobuf was compressed before it was encrypted. */
export const METADATA_COMPRESSION = 'encryption-compression';
const DEFLATE_RAW = 'deflate-raw';
const COMPRESSION_AAD = Buffer.from(`${METADATA_COMPRESSION}=${DEFLATE_RAW}`);
/**
 * Payloads from this size on are compressed first: a unit workflow's input (its contacts and a year of events) is
 * about 27 KB of repetitive JSON, which every start, history write and first workflow task carried whole.
 */
const COMPRESS_FROM_BYTES = 1024;
const IV_BYTES = 12;
const TAG_BYTES = 16;

const text = (value: string): Uint8Array => Buffer.from(value, 'utf8');
const readText = (bytes: Uint8Array | null | undefined): string | undefined =>
  bytes ? Buffer.from(bytes).toString('utf8') : undefined;

/**
 * AES-256-GCM over each payload's whole protobuf (its metadata, such as `json/plain`, included): the encoded payload
 * says only `binary/encrypted` and the key id; its data is iv(12) | ciphertext | tag(16). The first key encrypts;
 * decoding picks the key by id, so that keys rotate, and leaves payloads that were never encrypted as they are
 * (histories written before a key was configured still replay).
 */
export function createEncryptionCodec(keys: readonly PayloadKey[]): PayloadCodec {
  const [current] = keys;
  if (!current) throw new ValueError('The payload codec needs at least one key');
  // One KeyObject per key: building it from the raw bytes at each cipher cost more than the encryption itself.
  const byId = new Map(keys.map((entry) => [entry.id, createSecretKey(entry.key)]));
  const sealing = { id: current.id, key: byId.get(current.id)! };
  return {
    async encode(payloads: Payload[]): Promise<Payload[]> {
      return payloads.map((payload) => encrypt(payload, sealing));
    },
    async decode(payloads: Payload[]): Promise<Payload[]> {
      return payloads.map((payload) => {
        if (readText(payload.metadata?.[METADATA_ENCODING_KEY]) !== ENCRYPTED_ENCODING) return payload;
        const id = readText(payload.metadata?.[METADATA_ENCRYPTION_KEY_ID]);
        const key = id === undefined ? undefined : byId.get(id);
        if (!key) {
          // A key removed too early makes its payloads unreadable: say which one is missing, never guess.
          throw new ValueError(`Payload encrypted with key "${id ?? '(none)'}", which DONDOC_PAYLOAD_KEYS lacks`);
        }
        const compression = readText(payload.metadata?.[METADATA_COMPRESSION]);
        if (compression !== undefined && compression !== DEFLATE_RAW) {
          throw new ValueError(`Encrypted payload (key "${id}") uses an unknown compression "${compression}"`);
        }
        return decrypt(payload.data ?? new Uint8Array(), key, id ?? '', compression === DEFLATE_RAW);
      });
    },
  };
}

function encrypt(payload: Payload, { id, key }: { id: string; key: KeyObject }): Payload {
  const encoded = temporal.api.common.v1.Payload.encode(payload).finish();
  const compressed = encoded.length >= COMPRESS_FROM_BYTES ? deflateRawSync(encoded) : undefined;
  const plain = compressed && compressed.length < encoded.length ? compressed : encoded;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  // The clear compression mark is authenticated: stripped or added, the payload fails authentication.
  if (plain === compressed) cipher.setAAD(COMPRESSION_AAD);
  const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return {
    metadata: {
      [METADATA_ENCODING_KEY]: text(ENCRYPTED_ENCODING),
      [METADATA_ENCRYPTION_KEY_ID]: text(id),
      ...(plain === compressed && { [METADATA_COMPRESSION]: text(DEFLATE_RAW) }),
    },
    data: sealed,
  };
}

function decrypt(data: Uint8Array, key: KeyObject, id: string, compressed: boolean): Payload {
  if (data.length < IV_BYTES + TAG_BYTES) throw new ValueError(`Encrypted payload (key "${id}") is truncated`);
  const bytes = Buffer.from(data);
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  if (compressed) decipher.setAAD(COMPRESSION_AAD);
  let plain: Buffer;
  try {
    plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
  } catch (err) {
    throw new ValueError(`Encrypted payload (key "${id}") failed authentication: altered, or another key`, err);
  }
  const decoded = temporal.api.common.v1.Payload.decode(compressed ? inflateRawSync(plain) : plain);
  return { metadata: decoded.metadata, data: decoded.data };
}
