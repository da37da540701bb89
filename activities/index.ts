/** What activities need from the outside world; the worker wires real implementations, tests wire fakes. */
export interface ActivityDeps {
  /** The current instant; injected so tests control time. */
  now: () => Date;
}

/**
 * Builds every activity as a closure over its dependencies (samples-typescript
 * `activities-dependency-injection`). Workflows import only `type Activities`.
 */
export function createActivities(deps: ActivityDeps) {
  return {
    /** Returns the activity worker's clock, as ISO 8601: a probe that the worker and its wiring are alive. */
    async readClock(): Promise<string> {
      return deps.now().toISOString();
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
