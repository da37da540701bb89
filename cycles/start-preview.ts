import type { AnnouncedSchedule } from '../domain/calendar';
import type { CatchUpMode } from '../domain/dispatch/due-items';
import { previewStart, workingDaysOn, type StartPreview } from '../domain/dispatch/start-preview';
import { planDirectory } from '../domain/notifications/recipients';
import { planCalendar } from '../domain/plan/plan-calendar';
import type { PreparedCycle } from './prepare-cycle';

/** The messages a prepared cycle would send the moment it starts at `atMs` (`cycle start`, before it starts). */
export function previewCycleStart(
  { plan, schedule, input }: PreparedCycle,
  announced: readonly AnnouncedSchedule[],
  options: { catchUp: CatchUpMode; atMs: number },
): StartPreview {
  return previewStart({
    schedule,
    directory: planDirectory(plan),
    channels: { zalo: input.channels.zns || input.channels.oa },
    catchUp: options.catchUp,
    startMs: options.atMs,
    workingDaysAt: workingDaysOn(planCalendar(plan, announced)),
    obligationTitles: Object.fromEntries(plan.obligations.map((o) => [o.id, o.title])),
  });
}
