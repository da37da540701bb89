/**
 * At most `size` sends of one channel claimed and under way in this process. A send claims its ledger row only
 * once it holds a slot, that is once a provider connection is free for it: a process killed mid-burst then leaves at
 * most `size` claims whose outcome is unknown, instead of one for every send queued behind the connection pool.
 * (Email lets go of its slot once the provider has answered, before writing the outcome to the ledger: a send killed
 * in that write was accepted, and the write is one short query.)
 */
export interface SendSlots {
  run<T>(send: () => Promise<T>): Promise<T>;
}

export function createSendSlots(size: number): SendSlots {
  let busy = 0;
  const waiting: (() => void)[] = [];
  const acquire = async (): Promise<void> => {
    if (busy < size) {
      busy++;
      return;
    }
    // The releasing send hands its slot over directly, so `busy` stays counted.
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else busy--;
  };
  return {
    async run(send) {
      await acquire();
      try {
        return await send();
      } finally {
        release();
      }
    },
  };
}

/** Without slots (tests that send one at a time): run the send as it is. */
export const UNLIMITED_SLOTS: SendSlots = { run: (send) => send() };
