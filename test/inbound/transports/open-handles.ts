import { createHook } from 'node:async_hooks';

const WATCHED = new Set(['TCPWRAP', 'TCPCONNECTWRAP', 'Timeout', 'Immediate']);

/**
 * Records the sockets and timers created from now on and not yet closed (async_hooks init/destroy): what `stop()`
 * must leave empty. Only what the code under test creates meanwhile should run between start and `open()`.
 */
export interface TrackedHandles {
  open(): string[];
  /**
   * What is still open once the closes in flight are through (a peer's FIN, libuv's close callbacks): waits with
   * setImmediate, which creates no tracked handle, until nothing is open or `graceMs` passed.
   */
  settle(graceMs?: number): Promise<string[]>;
  dispose(): void;
}

export function trackHandles(): TrackedHandles {
  const live = new Map<number, string>();
  const hook = createHook({
    init(asyncId, type) {
      if (WATCHED.has(type)) live.set(asyncId, type);
    },
    destroy(asyncId) {
      live.delete(asyncId);
    },
  }).enable();
  const open = (): string[] => [...live.values()].filter((type) => type !== 'Immediate');
  return {
    open,
    async settle(graceMs = 10_000) {
      const deadline = Date.now() + graceMs;
      while (open().length > 0 && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
      return open();
    },
    dispose: () => hook.disable(),
  };
}
