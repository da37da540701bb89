import { heartbeat } from '@temporalio/activity';

/** Far below every heartbeat timeout of the activities that report progress (the cycle's: 2 minutes). */
const EVERY_MS = 1_000;

/**
 * A progress callback for fan-outs over thousands of items that heartbeats at most once a second. The SDK throttles
 * what reaches the server, but only after it has encoded (and encrypted) each call's details: at one call per email
 * sent, that was a noticeable share of the worker's CPU.
 */
export function progressHeartbeat(
  beat: (done: number) => void = heartbeat,
  now: () => number = () => performance.now(),
): (done: number) => void {
  let last = -Infinity;
  return (done) => {
    const at = now();
    if (at - last < EVERY_MS) return;
    last = at;
    beat(done);
  };
}
