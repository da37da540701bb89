import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** One frontend protocol message waiting in pglite-socket's queue (its shape in the pinned 0.2.17). */
interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  resolve(bytes: number): void;
  reject(err: unknown): void;
  onData(data: Uint8Array): void;
}

/** The parts of pglite-socket's internal query queue this module replaces. */
interface QueryQueueInternals {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: {
    isInTransaction(): boolean;
    runExclusive<T>(work: () => Promise<T>): Promise<T>;
    execProtocolRawStream(message: Uint8Array, options: { onRawData(data: Uint8Array): void }): Promise<unknown>;
  };
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

/** Parse, Bind, Describe, Execute, Close, Flush: the extended-protocol messages that a Sync ends. */
const BEFORE_SYNC = new Set([...'PBDECH'].map((c) => c.charCodeAt(0)));

/**
 * pglite-socket serves many connections from PGlite's single backend, but keeps one connection's messages together
 * only while a transaction is open. Between a Parse and its Sync the unnamed statement is backend state too: another
 * connection's Parse in between replaces it, and the first connection's Bind fails ("unnamed prepared statement does
 * not exist", 08P01) or runs the other's SQL (electric-sql/pglite#1046, #977; a moment's dispatch failed this way in
 * the benchmark). This keeps a connection's messages together from its first extended-protocol message to its Sync,
 * as well as through its transactions, and lets one failed message fail alone instead of stalling the queue for good.
 */
export function keepProtocolBatchesTogether(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue?: QueryQueueInternals }).queryQueue;
  if (
    !queue ||
    !Array.isArray(queue.queue) ||
    typeof queue.processQueue !== 'function' ||
    typeof queue.clearQueueForHandler !== 'function'
  ) {
    throw new Error('@electric-sql/pglite-socket changed its query queue: review db/embedded/pinned-query-queue.ts');
  }
  /** The connection in the middle of an extended-protocol batch, whose messages go first. */
  let midBatch: number | null = null;

  queue.processQueue = async () => {
    if (queue.processing || queue.queue.length === 0) return;
    queue.processing = true;
    try {
      while (queue.queue.length > 0) {
        const owner = midBatch ?? (queue.db.isInTransaction() ? queue.lastHandlerId : null);
        const index = owner === null ? 0 : queue.queue.findIndex((item) => item.handlerId === owner);
        // The owner's next message has not arrived yet: its enqueue starts the queue again.
        if (index === -1) break;
        const [item] = queue.queue.splice(index, 1) as [QueuedMessage];
        let bytes = 0;
        try {
          await queue.db.runExclusive(() =>
            queue.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (err) {
          midBatch = null;
          item.reject(err);
          continue;
        }
        queue.lastHandlerId = item.handlerId;
        midBatch = BEFORE_SYNC.has(item.message[0] ?? 0) ? item.handlerId : null;
        item.resolve(bytes);
      }
    } finally {
      queue.processing = false;
    }
  };

  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId) => {
    clear(handlerId);
    // A connection that went away mid-batch must not hold the others back.
    if (midBatch === handlerId) {
      midBatch = null;
      void queue.processQueue();
    }
  };
}
