export interface WakeableSleep {
  /** Resolves after the delay or at `wake()`, whichever comes first; the timer never outlives it. */
  done: Promise<void>;
  wake(): void;
}

export function wakeableSleep(ms: number): WakeableSleep {
  let wake = (): void => undefined;
  const done = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  return { done, wake };
}
