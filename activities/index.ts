import { ApplicationFailure } from '@temporalio/common';
import type { AnnouncedSchedule } from '../domain/calendar';
import { aggregateObligation } from './cycle/aggregate-obligation';
import { closeUnitWorkflows } from './cycle/close-unit-workflows';
import type { CycleDeps } from './cycle/cycle-deps';
import { sendDigest } from './cycle/send-digest';
import { startScheduledCycle } from './cycle/start-scheduled-cycle';
import { startUnitWorkflows } from './cycle/start-unit-workflows';
import { dispatchMoment } from './dispatch/dispatch-moment';
import { heartbeating } from './notify/heartbeating';
import type { NotifyDeps } from './notify/notify-deps';
import { sendEmailNotification } from './notify/send-email';
import { sendOaNotification, sendZnsNotification } from './notify/send-zalo';
import { recompileObligation } from './schedule/recompile-obligation';
import { workingDaysLeft } from './schedule/working-days-left';

/** What activities need from the outside world; the worker wires real implementations, tests wire local ones. */
export interface ActivityDeps {
  /** The current instant; injected so tests control time. */
  now: () => Date;
  notify: Omit<NotifyDeps, 'now'>;
  /** Announced holiday schedules (config/calendars/), for recompiling extended obligations. */
  announced: readonly AnnouncedSchedule[];
  /** For the cycle activities: the Temporal client that reaches unit workflows, plan snapshots, reports. */
  cycle?: Omit<CycleDeps, 'notify' | 'announced'>;
}

function requireCycle<I, O>(deps: CycleDeps | undefined, make: (deps: CycleDeps) => (input: I) => Promise<O>) {
  return async (input: I): Promise<O> => {
    if (!deps)
      throw ApplicationFailure.nonRetryable('the worker was started without cycle dependencies', 'CONFIG_INVALID');
    return make(deps)(input);
  };
}

/** The unit's inbox link at its current generation, when links are signed and the generations are stored. */
function unitInboxUrls(cycle: ActivityDeps['cycle']): NotifyDeps['inboxUrlOf'] {
  const links = cycle?.core.links;
  const inboxes = cycle?.stores.inboxes;
  if (!links || !inboxes) return undefined;
  return async (unitId) => {
    const generation = (await inboxes.generations([unitId])).get(unitId);
    return generation === undefined ? undefined : links.inboxUrl(unitId, generation);
  };
}

/**
 * Builds every activity as a closure over its dependencies (samples-typescript
 * `activities-dependency-injection`). Workflows import only `type Activities`.
 */
export function createActivities(deps: ActivityDeps) {
  const inboxUrlOf = unitInboxUrls(deps.cycle);
  const notify: NotifyDeps = { ...deps.notify, now: deps.now, ...(inboxUrlOf && { inboxUrlOf }) };
  const cycle: CycleDeps | undefined = deps.cycle && { ...deps.cycle, notify, announced: deps.announced };
  return {
    /** Returns the activity worker's clock, as ISO 8601: a probe that the worker and its wiring are alive. */
    async readClock(): Promise<string> {
      return deps.now().toISOString();
    },
    sendEmailNotification: heartbeating(sendEmailNotification(notify)),
    sendZnsNotification: heartbeating(sendZnsNotification(notify)),
    sendOaNotification: heartbeating(sendOaNotification(notify)),
    recompileObligation: recompileObligation(deps.announced),
    workingDaysLeft: workingDaysLeft(deps.announced),
    startUnitWorkflows: requireCycle(cycle, startUnitWorkflows),
    aggregateObligation: requireCycle(cycle, aggregateObligation),
    sendDigest: requireCycle(cycle, sendDigest),
    dispatchMoment: requireCycle(cycle, dispatchMoment),
    closeUnitWorkflows: requireCycle(cycle, closeUnitWorkflows),
    startScheduledCycle: requireCycle(cycle, startScheduledCycle),
  };
}

export type Activities = ReturnType<typeof createActivities>;
