import { Context } from '@temporalio/activity';

/**
 * The activities' clock when a test server runs a past or future year (`dondoc simulate`, tests): the server time
 * at which this attempt was scheduled, shifted into plan time. Outside an activity, `outsideMs` (the machine clock
 * unless the caller knows the test server's time better) shifted the same way.
 */
export function shiftedServerClock(shiftMs: () => number, outsideMs: () => number = Date.now): () => Date {
  return () => {
    let serverMs: number;
    try {
      serverMs = Context.current().info.currentAttemptScheduledTimestampMs;
    } catch {
      serverMs = outsideMs();
    }
    return new Date(serverMs + shiftMs());
  };
}
