import { heartbeat } from '@temporalio/activity';

/** How many Temporal client calls a cycle activity keeps in flight at once. */
const CONCURRENCY = 20;

/**
 * `fn` over every item, at most CONCURRENCY at a time, heartbeating after each batch: the fan-out of the cycle
 * activities over thousands of unit workflows. Results come back in the order of `items`.
 */
export async function inBatches<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += CONCURRENCY) {
    results.push(...(await Promise.all(items.slice(i, i + CONCURRENCY).map(fn))));
    heartbeat(i);
  }
  return results;
}
