import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DataConverter, PayloadCodec } from '@temporalio/common';
import { isEmbedded, type Config } from '../../config/env';
import { PAYLOAD_KEY_BYTES, parsePayloadKeys, type PayloadKey } from '../../config/payload-keys';
import { readOrCreateSecretFile } from '../../config/secret-file';
import { AppError } from '../../domain/errors';
import { createEncryptionCodec } from './encryption-codec';

/** The payload codec's keys: the first encrypts, all decrypt. */
export interface PayloadKeyRing {
  readonly keys: readonly PayloadKey[];
  /** Where the key was kept when dondoc generated it (embedded mode), for the start-up banner. */
  readonly file?: string;
}

/** The generated key of embedded mode: `<dataDir>/secrets/payload-key`, one `<id>:<base64>` line. */
export function payloadKeyFile(dataDir: string): string {
  return path.join(dataDir, 'secrets', 'payload-key');
}

/**
 * DONDOC_PAYLOAD_KEYS; unset, only in embedded mode (one machine), the key generated once under data/secrets/ by
 * `dondoc start` and reused on later starts. Several hosts must be given the keys.
 *
 * Only `dondoc start` may generate it (`generate`): a CLI run from another folder would otherwise make a key of its
 * own, and the worker could never decrypt what that run sent (its workflow tasks would fail until the key is given).
 */
export async function loadPayloadKeyRing(
  config: Config,
  options: { generate: boolean } = { generate: false },
): Promise<PayloadKeyRing> {
  if (config.env.DONDOC_PAYLOAD_KEYS) return { keys: config.env.DONDOC_PAYLOAD_KEYS };
  if (!isEmbedded(config.env)) {
    const why = config.env.DATABASE_URL ? 'DATABASE_URL' : 'TEMPORAL_ADDRESS';
    throw new AppError('CONFIG_INVALID', `DONDOC_PAYLOAD_KEYS is required when ${why} is set`);
  }
  const file = payloadKeyFile(config.dataDir);
  const refusal =
    'the payload key is not `<id>:<base64 of 32 bytes>` (restore it from a backup: without it, the histories it ' +
    'encrypted cannot be read; or set DONDOC_PAYLOAD_KEYS)';
  const generate = () => payloadKeyEntry(generatePayloadKey());
  const value = options.generate
    ? (await readOrCreateSecretFile(file, generate, { minBytes: 1, refusal })).value
    : await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw new AppError('CONFIG_INVALID', `${file}: cannot be read (${err.message})`);
        throw new AppError(
          'CONFIG_INVALID',
          `${file}: no payload key yet; run \`dondoc start\` first (with the same DONDOC_DATA_DIR), or set DONDOC_PAYLOAD_KEYS`,
        );
      });
  const parsed = parsePayloadKeys(value.trim());
  if (!('keys' in parsed) || parsed.keys.length !== 1) throw new AppError('CONFIG_INVALID', `${file}: ${refusal}`);
  return { keys: parsed.keys, file };
}

/** A new random key; its id names its day, so that a later rotation can tell keys apart. */
export function generatePayloadKey(now = new Date()): PayloadKey {
  return { id: `local-${now.toISOString().slice(0, 10).replaceAll('-', '')}`, key: randomBytes(PAYLOAD_KEY_BYTES) };
}

/** The key as one DONDOC_PAYLOAD_KEYS entry, `<id>:<base64>`. */
export function payloadKeyEntry({ id, key }: PayloadKey): string {
  return `${id}:${key.toString('base64')}`;
}

/** The failure converter's module: `bundleWorkflowCode({ failureConverterPath })` needs it as well. */
export const FAILURE_CONVERTER_PATH = require.resolve('./failure-converter');

/** What every Client and Worker of dondoc is given: the encryption codec on its keys, for payloads and failures. */
export function payloadDataConverter(codec: PayloadCodec): DataConverter {
  return { payloadCodecs: [codec], failureConverterPath: FAILURE_CONVERTER_PATH };
}

/** The codec of the configured (or generated) keys. */
export async function loadPayloadCodec(config: Config): Promise<PayloadCodec> {
  return createEncryptionCodec((await loadPayloadKeyRing(config)).keys);
}
