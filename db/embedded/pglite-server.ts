import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { keepProtocolBatchesTogether } from './pinned-query-queue';

export interface PgliteServer {
  /** `postgres://…@127.0.0.1:<port>/postgres`, for `pg`. */
  url: string;
  close(): Promise<void>;
}

/** Connections the socket multiplexes; every process's pool must fit in it. */
export const EMBEDDED_MAX_CONNECTIONS = 64;

/**
 * PGlite (PostgreSQL compiled to WebAssembly) on a folder, or in memory without one, served on a loopback port so
 * that `pg` reaches it like any PostgreSQL: one SQL path for the embedded store and production. PGlite has one
 * backend; the socket server multiplexes connections and keeps a transaction's statements together (and, patched
 * here, each extended-protocol batch).
 */
export async function startPgliteServer(dataDir: string | undefined): Promise<PgliteServer> {
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: EMBEDDED_MAX_CONNECTIONS });
  keepProtocolBatchesTogether(server);
  try {
    await server.start();
  } catch (err) {
    await db.close();
    throw err;
  }
  const port = Number(server.getServerConn().split(':').at(-1));
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async close() {
      await server.stop();
      await db.close();
    },
  };
}
