import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { isEmbedded, SECRET_MIN_BYTES, type Config } from '../config/env';
import { readOrCreateSecretFile } from '../config/secret-file';
import { AppError } from '../domain/errors';

/** DONDOC_SECRET signs; it and DONDOC_PREVIOUS_SECRETS verify, so that a rotation invalidates nothing at once. */
export interface SigningSecrets {
  readonly current: Buffer;
  readonly previous: readonly Buffer[];
  /** Where the secret was kept when dondoc generated it (embedded mode), for the start-up banner. */
  readonly file?: string;
}

/** The generated secret of embedded mode: `<dataDir>/secrets/signing-secret`. */
export function signingSecretFile(dataDir: string): string {
  return path.join(dataDir, 'secrets', 'signing-secret');
}

/**
 * DONDOC_SECRET; unset, only in embedded mode (one machine), the one generated once under data/secrets/ and reused
 * on later starts (two processes starting together share the first one written). Several hosts must be given it.
 */
export async function loadSigningSecrets(config: Config): Promise<SigningSecrets> {
  const previous = config.env.DONDOC_PREVIOUS_SECRETS.map((text) => Buffer.from(text, 'utf8'));
  if (config.env.DONDOC_SECRET) return { current: Buffer.from(config.env.DONDOC_SECRET, 'utf8'), previous };
  if (!isEmbedded(config.env)) {
    const why = config.env.DATABASE_URL ? 'DATABASE_URL' : 'TEMPORAL_ADDRESS';
    throw new AppError('CONFIG_INVALID', `DONDOC_SECRET is required when ${why} is set`);
  }
  const file = signingSecretFile(config.dataDir);
  const { value } = await readOrCreateSecretFile(file, () => randomBytes(32).toString('base64url'), {
    minBytes: SECRET_MIN_BYTES,
    refusal: `the signing secret is empty or shorter than ${SECRET_MIN_BYTES} bytes (delete the file to have one generated, or set DONDOC_SECRET)`,
  });
  return { current: Buffer.from(value, 'utf8'), previous, file };
}
