import type { AnnouncedSchedule } from '../domain/calendar';
import type { NotifyDeps } from './notify/notify-deps';
import { sendEmailNotification } from './notify/send-email';
import { sendOaNotification, sendZnsNotification } from './notify/send-zalo';
import { recompileObligation } from './schedule/recompile-obligation';

/** What activities need from the outside world; the worker wires real implementations, tests wire local ones. */
export interface ActivityDeps {
  /** The current instant; injected so tests control time. */
  now: () => Date;
  notify: Omit<NotifyDeps, 'now'>;
  /** Announced holiday schedules (config/calendars/), for recompiling extended obligations. */
  announced: readonly AnnouncedSchedule[];
}

/**
 * Builds every activity as a closure over its dependencies (samples-typescript
 * `activities-dependency-injection`). Workflows import only `type Activities`.
 */
export function createActivities(deps: ActivityDeps) {
  const notify: NotifyDeps = { ...deps.notify, now: deps.now };
  return {
    /** Returns the activity worker's clock, as ISO 8601: a probe that the worker and its wiring are alive. */
    async readClock(): Promise<string> {
      return deps.now().toISOString();
    },
    sendEmailNotification: sendEmailNotification(notify),
    sendZnsNotification: sendZnsNotification(notify),
    sendOaNotification: sendOaNotification(notify),
    recompileObligation: recompileObligation(deps.announced),
  };
}

export type Activities = ReturnType<typeof createActivities>;
