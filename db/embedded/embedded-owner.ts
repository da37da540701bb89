import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { startPgliteServer, type PgliteServer } from './pglite-server';

/** Where a running owner says it serves the embedded database: `<dir>.json` next to `<dir>/`. */
interface Advert {
  pid: number;
  url: string;
  /** `dondoc start` (it serves until stopped), not a CLI command that serves only while it runs. */
  longLived?: boolean;
}

export type EmbeddedAccess =
  { role: 'owner'; url: string; release(): Promise<void> } | { role: 'guest'; url: string; release(): Promise<void> };

const WAIT_STEP_MS = 100;

/**
 * PGlite keeps one folder for one process. The first process to take `<dir>.lock` owns it and serves it on a
 * loopback port (advertised in `<dir>.json`); every other process (the CLI beside `dondoc start`) connects there.
 * A lock or advert left by a dead process is taken over. A long-lived process (`dondoc start`) never becomes the guest
 * of a command that serves only while it runs: it waits for the command to finish, then serves the folder itself.
 */
export async function accessEmbeddedDatabase(
  dir: string,
  options: { longLived?: boolean; waitMs?: number } = {},
): Promise<EmbeddedAccess> {
  const longLived = options.longLived ?? false;
  const waitMs = options.waitMs ?? (longLived ? 300_000 : 30_000);
  const lockFile = `${dir}.lock`;
  const advertFile = `${dir}.json`;
  const deadline = Date.now() + waitMs;
  await mkdir(path.dirname(dir), { recursive: true }); // a fresh data/ on first start
  for (;;) {
    const advert = await readAdvert(advertFile);
    const served = advert !== undefined && isAlive(advert.pid);
    if (served && (advert.longLived || !longLived)) {
      return { role: 'guest', url: advert.url, release: async () => undefined };
    }
    if (await takeLock(lockFile)) {
      let server: PgliteServer;
      try {
        server = await startPgliteServer(dir);
        const mine: Advert = { pid: process.pid, url: server.url, longLived };
        await writeFileAtomic(advertFile, JSON.stringify(mine), {
          mode: 0o600,
        });
      } catch (err) {
        await rm(lockFile, { force: true });
        throw err;
      }
      return {
        role: 'owner',
        url: server.url,
        async release() {
          await rm(advertFile, { force: true });
          await server.close();
          await rm(lockFile, { force: true });
        },
      };
    }
    if (Date.now() > deadline) {
      throw new Error(`${path.basename(dir)} is held by another process (${lockFile}) that does not serve it`);
    }
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}

async function readAdvert(file: string): Promise<Advert | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Advert;
  } catch {
    return undefined;
  }
}

/** Creates the lock file exclusively; a lock whose process is gone is removed and taken. */
async function takeLock(file: string): Promise<boolean> {
  try {
    const handle = await open(file, 'wx', 0o600);
    await handle.writeFile(String(process.pid));
    await handle.close();
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const holder = Number((await readFile(file, 'utf8').catch(() => '')).trim());
  // A lock being written right now reads empty: treat it as held.
  if (!holder || isAlive(holder)) return false;
  await rm(file, { force: true });
  return takeLock(file);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
