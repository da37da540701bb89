import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { AppError } from '../domain/errors';

export interface SecretFile {
  /** The file's content, trimmed. */
  value: string;
  /** True only for the process that wrote the file. */
  created: boolean;
}

/**
 * The secret kept in `file`, generated when the file does not exist yet. A new file appears whole (written under a
 * temporary name, 0600, then hard-linked into place): a link, unlike a rename, fails when the file exists, so of
 * two processes starting together the second reads the first one's secret instead of replacing it. An existing
 * file that is empty or shorter than `minBytes` refuses to start, with one line naming the file.
 */
export async function readOrCreateSecretFile(
  file: string,
  generate: () => string,
  rule: { minBytes: number; refusal: string },
): Promise<SecretFile> {
  const existing = await readSecret(file, rule);
  if (existing !== undefined) return { value: existing, created: false };
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const value = generate();
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  let created = false;
  try {
    await writeFileAtomic(temporary, `${value}\n`, { mode: 0o600 });
    await link(temporary, file).then(
      () => (created = true),
      (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EEXIST') throw err;
      },
    );
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
  if (created) return { value, created };
  const theirs = await readSecret(file, rule);
  if (theirs === undefined) throw new AppError('CONFIG_INVALID', `${file}: vanished while it was being created`);
  return { value: theirs, created: false };
}

async function readSecret(file: string, rule: { minBytes: number; refusal: string }): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new AppError('CONFIG_INVALID', `${file}: cannot be read (${(err as Error).message})`, { cause: err });
  }
  const value = text.trim();
  if (Buffer.byteLength(value, 'utf8') < rule.minBytes)
    throw new AppError('CONFIG_INVALID', `${file}: ${rule.refusal}`);
  return value;
}
