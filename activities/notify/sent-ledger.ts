import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { NotifyResult } from '../../domain/notifications/notify-result';

/**
 * Remembers every accepted send by its idempotency key, so that an activity retried after its message was
 * accepted (a worker crash, a lost completion) returns the recorded result instead of sending again.
 */
export interface SentLedger {
  find(key: string): Promise<NotifyResult | undefined>;
  record(result: NotifyResult): Promise<void>;
}

/** One small JSON file per key under `dir`, written atomically; enough for one host or a shared volume. */
export function createFileLedger(dir: string): SentLedger {
  const fileOf = (key: string): string => {
    const hash = createHash('sha256').update(key).digest('hex');
    return path.join(dir, hash.slice(0, 2), `${hash}.json`);
  };
  return {
    async find(key) {
      try {
        return JSON.parse(await readFile(fileOf(key), 'utf8')) as NotifyResult;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
    async record(result) {
      const file = fileOf(result.key);
      await mkdir(path.dirname(file), { recursive: true });
      // Synced before the activity reports success: a ledger line lost in a crash means a second send.
      await writeFileAtomic(file, JSON.stringify(result), { mode: 0o600 });
    },
  };
}

/** For tests and the simulator's throw-away runs. */
export function createMemoryLedger(): SentLedger {
  const entries = new Map<string, NotifyResult>();
  return {
    find: async (key) => entries.get(key),
    record: async (result) => void entries.set(result.key, result),
  };
}
