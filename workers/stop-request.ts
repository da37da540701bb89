/** Start-up was interrupted by a stop signal: not an error; `runService` cleans up what it started and returns. */
export class StopRequested extends Error {
  constructor(readonly received: NodeJS.Signals) {
    super(`${received} received during start-up`);
    this.name = 'StopRequested';
  }
}

/**
 * SIGINT and SIGTERM, owned by `dondoc start` from the first step of its start-up: each step is awaited only until a
 * signal arrives, so Ctrl-C while the dev server starts or the workflows bundle stops at once instead of after them.
 */
export interface StopRequest {
  readonly signal: AbortSignal;
  /** The signal that asked, once one did. */
  received(): NodeJS.Signals | undefined;
  /** Resolves with the signal that asked to stop. */
  readonly requested: Promise<NodeJS.Signals>;
  /**
   * Awaits `pending` unless a stop comes first (then throws `StopRequested`). What the step still makes after that is
   * handed to `dispose`, so that nothing started late outlives the service.
   */
  step: <T>(pending: Promise<T>, dispose?: (value: T) => unknown) => Promise<T>;
  /** Waits at most `ms` for the disposal of what steps made after the stop. */
  settle(ms: number): Promise<void>;
  /** Stops listening for the signals. */
  close(): void;
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

export function listenForStop(): StopRequest {
  const controller = new AbortController();
  let received: NodeJS.Signals | undefined;
  let resolveRequested: (signal: NodeJS.Signals) => void = () => undefined;
  const requested = new Promise<NodeJS.Signals>((resolve) => (resolveRequested = resolve));
  const late: Promise<unknown>[] = [];
  const onSignal = (signal: NodeJS.Signals): void => {
    if (received) return;
    received = signal;
    controller.abort(new StopRequested(signal));
    resolveRequested(signal);
  };
  // bin/dondoc.cjs listens from the first moment (a signal while the sources load exits at once, nothing started yet)
  // and leaves it to this listener from here on.
  for (const signal of SIGNALS) process.on(signal, onSignal);

  return {
    signal: controller.signal,
    received: () => received,
    requested,
    async step(pending, dispose) {
      if (received) {
        if (dispose) late.push(pending.then(dispose, () => undefined));
        throw new StopRequested(received);
      }
      let onAbort: (() => void) | undefined;
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => reject(controller.signal.reason as Error);
        controller.signal.addEventListener('abort', onAbort, { once: true });
      });
      try {
        return await Promise.race([pending, aborted]);
      } catch (err) {
        if (err instanceof StopRequested && dispose) late.push(pending.then(dispose, () => undefined));
        throw err;
      } finally {
        if (onAbort) controller.signal.removeEventListener('abort', onAbort);
      }
    },
    async settle(ms) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
      await Promise.race([Promise.allSettled(late), timeout]);
      clearTimeout(timer);
    },
    close() {
      for (const signal of SIGNALS) process.off(signal, onSignal);
    },
  };
}
