import { sql } from 'kysely';
import type { DondocDb } from '../../db/postgres-pool';

/** Polls `check` until it holds; no timed assertion: the deadline only turns a hang into a readable failure. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 180_000,
  stepMs = 500,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    // A check that throws (a query to workflows still starting, a server coming back) is "not yet".
    const ok = await Promise.resolve()
      .then(check)
      .catch((err: unknown) => ((lastError = err), false));
    if (ok) return;
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`, lastError === undefined ? undefined : { cause: lastError });
    }
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
}

/** The values that occur more than once (each extra occurrence listed). */
export function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
}

/** Sent-ledger rows by state (`sending`, `sent`, `unknown`). */
export async function ledgerStates(db: DondocDb): Promise<Record<string, number>> {
  const result = await sql<{ state: string; count: string }>`
    select state, count(*) as count from sent_ledger group by state`.execute(db);
  return Object.fromEntries(result.rows.map((row) => [row.state, Number(row.count)]));
}

/** The one line a scenario prints for the README's reliability table. */
export function report(scenario: string, line: string): void {
  console.info(`[reliability] ${scenario}: ${line}`);
}

/** Runs `work` on every item, at most `size` at a time. */
export async function inPool<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, lane));
  return results;
}

/** Calls `call` again after a failure, a few times: only for requests that are idempotent by their Update id. */
export async function retried<R>(call: () => Promise<R>, attempts = 10, pauseMs = 2_000): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (attempt >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}
