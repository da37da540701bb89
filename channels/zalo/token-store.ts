import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const ZaloTokensSchema = z.object({
  accessToken: z.string().min(1),
  /** Single use: the refresh that consumes it returns its successor. */
  refreshToken: z.string().min(1),
  /** ISO 8601 instant. */
  accessTokenExpiresAt: z.string().min(1),
  refreshedAt: z.string().min(1),
});
export type ZaloTokens = z.infer<typeof ZaloTokensSchema>;

export interface ZaloTokenStore {
  /** The saved pair, or undefined when nothing was saved yet. */
  load(): Promise<ZaloTokens | undefined>;
  save(tokens: ZaloTokens): Promise<void>;
}

/**
 * Tokens in one JSON file, replaced atomically: write a temp file in the same directory, fsync, rename. A crash
 * leaves either the old pair or the new one, never half a file; losing the new refresh token would lock us out.
 */
export function createFileTokenStore(file: string): ZaloTokenStore {
  const dir = path.dirname(file);
  return {
    async load() {
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
      const parsed = ZaloTokensSchema.safeParse(JSON.parse(text));
      if (!parsed.success) throw new Error(`${file} is not a Zalo token file: ${parsed.error.message}`);
      return parsed.data;
    },
    async save(tokens) {
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
      const body = `${JSON.stringify(ZaloTokensSchema.parse(tokens), null, 2)}\n`;
      try {
        const handle = await fs.open(temp, 'wx', 0o600);
        try {
          await handle.writeFile(body, 'utf8');
          await handle.sync();
        } finally {
          await handle.close();
        }
        await fs.rename(temp, file);
      } catch (err) {
        await fs.rm(temp, { force: true });
        throw err;
      }
      await syncDirectory(dir);
    },
  };
}

/** Makes the rename itself durable; some platforms cannot open a directory, which is fine to skip. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort only.
  } finally {
    await handle?.close();
  }
}
