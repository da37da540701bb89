/**
 * Matches an instant (`yyyy-MM-ddTHH:mm:ss+07:00`) in the same minute as `instant`. The time-skipping server jumps
 * to a timer or a `sleep` target exactly, but real time flows while the workflow handles what the test sends next:
 * on a loaded machine an Update or an activity can be stamped a second or two after the instant the test slept to.
 */
export function sameMinuteAs(instant: string): string {
  const minute = instant.slice(0, 16);
  const zone = instant.slice(19);
  const matcher: unknown = expect.stringMatching(new RegExp(`^${escape(minute)}:\\d{2}${escape(zone)}$`));
  return matcher as string; // an asymmetric matcher stands in for the string it matches
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
