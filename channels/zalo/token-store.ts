import { promises as fs } from 'node:fs';
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

/** Where the OA token pair is kept; the database's (`db/stores/zalo-token-store.ts`) is shared by every host. */
export interface ZaloTokenStore {
  /** The saved pair, or undefined when nothing was saved yet. */
  load(): Promise<ZaloTokens | undefined>;
  /**
   * Runs `refresh` holding the store's refresh lock (cluster-wide for the database's store), given the pair saved
   * now, which another holder may have refreshed while this one waited. The pair `refresh` returns is saved before
   * the lock is released, unless it is the very pair it was given.
   */
  withRefreshLock(refresh: (current: ZaloTokens | undefined) => Promise<ZaloTokens>): Promise<ZaloTokens>;
}

/** The pair in this process's memory, its lock a queue: for one process whose tokens need not outlive it. */
export function createMemoryTokenStore(initial?: ZaloTokens): ZaloTokenStore {
  let saved = initial;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    load: async () => saved,
    withRefreshLock(refresh) {
      const run = queue.then(async () => {
        const next = await refresh(saved);
        saved = next;
        return next;
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

/**
 * The pair a dondoc before the database kept in a JSON file (ZALO_TOKEN_FILE), or undefined when there is none: its
 * refresh token, newer than the configured one, starts the database's pair.
 */
export async function readTokenFile(file: string): Promise<ZaloTokens | undefined> {
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
}
