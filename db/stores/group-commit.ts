/**
 * Coalesces calls made while a write is under way into one write: the first call writes alone, the calls that arrive
 * meanwhile wait and go together in the next one. Nothing is held back when the writer is idle, so a lone call costs
 * what it did; under load (an email moment's claims and records) one statement carries many rows. When a batch of
 * several fails, each of its calls is written alone, so one bad call fails only itself.
 */
export function groupCommit<I, O>(
  writeMany: (inputs: readonly I[]) => Promise<readonly O[]>,
  maxBatch = 100,
): (input: I) => Promise<O> {
  let queue: { input: I; resolve: (value: O) => void; reject: (err: unknown) => void }[] = [];
  let writing = false;

  const writeBatch = async (batch: typeof queue): Promise<void> => {
    try {
      const outputs = await writeMany(batch.map((entry) => entry.input));
      batch.forEach((entry, i) => entry.resolve(outputs[i] as O));
    } catch (err) {
      if (batch.length === 1) {
        batch[0]!.reject(err);
        return;
      }
      for (const entry of batch) await writeBatch([entry]);
    }
  };

  const drain = async (): Promise<void> => {
    writing = true;
    try {
      while (queue.length > 0) {
        const batch = queue.slice(0, maxBatch);
        queue = queue.slice(maxBatch);
        await writeBatch(batch);
      }
    } finally {
      writing = false;
    }
  };

  return (input) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ input, resolve, reject });
      if (!writing) void drain();
    });
}
