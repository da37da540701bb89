import type { Client } from '@temporalio/client';
import type { AnnouncedSchedule } from '../../domain/calendar';
import type { NotifyDeps } from '../notify/notify-deps';
import type { PlanStore } from '../../storage/plan-store';

/** What the cycle activities need: a Temporal client to reach the unit workflows, plans, and the channels. */
export interface CycleDeps {
  client: Client;
  taskQueue: string;
  plans: PlanStore;
  announced: readonly AnnouncedSchedule[];
  notify: NotifyDeps;
  /** Where aggregated reports are written (`<dir>/<plan>/<year>/…`). */
  reportsDir: string;
  /** Signs each unit's submission links; without it, messages carry no link. */
  links?: { secret: Buffer; publicBaseUrl: string };
}
