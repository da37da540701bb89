import { createHook } from 'node:async_hooks';

const WATCHED = new Set(['TCPWRAP', 'TCPCONNECTWRAP', 'Timeout', 'Immediate']);

/**
 * Records the sockets and timers created from now on and not yet closed (async_hooks init/destroy): what `stop()`
 * must leave empty. Only what the code under test creates meanwhile should run between start and `open()`.
 */
export function trackHandles(): { open(): string[]; dispose(): void } {
  const live = new Map<number, string>();
  const hook = createHook({
    init(asyncId, type) {
      if (WATCHED.has(type)) live.set(asyncId, type);
    },
    destroy(asyncId) {
      live.delete(asyncId);
    },
  }).enable();
  return {
    open: () => [...live.values()].filter((type) => type !== 'Immediate'),
    dispose: () => hook.disable(),
  };
}
