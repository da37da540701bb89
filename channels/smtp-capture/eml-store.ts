import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/** `20221017T010000123Z-0001-<message-id>.eml`: sorts by arrival, readable, safe on every file system. */
export function emlFileName(receivedAt: Date, sequence: number, messageId: string | undefined): string {
  const stamp = receivedAt.toISOString().replace(/[-:]/g, '').replace('.', '');
  const id = (messageId ?? randomUUID())
    .replace(/^<|>$/g, '')
    .replace(/[^A-Za-z0-9._@-]/g, '_')
    .slice(0, 100);
  return `${stamp}-${String(sequence).padStart(4, '0')}-${id}.eml`;
}

/** Written to a temporary name and renamed, so a reader never sees half a message. */
export async function writeEmlFile(dir: string, name: string, raw: Buffer): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  await writeFileAtomic(file, raw, { fsync: false }); // a local capture for people to read, not a record
  return file;
}
