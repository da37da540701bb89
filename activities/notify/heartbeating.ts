import { Context } from '@temporalio/activity';

/** Well under the unit workflow's send heartbeat timeout (10 s); the SDK throttles what reaches the server. */
const HEARTBEAT_EVERY_MS = 2_000;

/**
 * Runs a send activity while heartbeating, also while it waits for a send slot: the server then sees the send of a
 * killed worker as lost after the heartbeat timeout and retries it, instead of waiting out the start-to-close timeout.
 * Outside an activity (a test calling it directly) the function runs as it is.
 */
export function heartbeating<I, O>(activity: (input: I) => Promise<O>): (input: I) => Promise<O> {
  return async (input) => {
    let context: Context | undefined;
    try {
      context = Context.current();
    } catch {
      return activity(input);
    }
    const beat = (): void => context.heartbeat();
    beat();
    const timer = setInterval(beat, HEARTBEAT_EVERY_MS);
    try {
      return await activity(input);
    } finally {
      clearInterval(timer);
    }
  };
}
