import { Context } from '@temporalio/activity';

/**
 * The activities' clock when a test server runs a past or future year (`dondoc simulate`, tests): the server time
 * at which this attempt was scheduled, shifted into plan time. Outside an activity, the shifted machine clock.
 */
export function shiftedServerClock(shiftMs: () => number): () => Date {
  return () => {
    let serverMs: number;
    try {
      serverMs = Context.current().info.currentAttemptScheduledTimestampMs;
    } catch {
      serverMs = Date.now();
    }
    return new Date(serverMs + shiftMs());
  };
}
