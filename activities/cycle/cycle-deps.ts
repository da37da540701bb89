import type { CycleCore } from '../../cycles';
import type { AnnouncedSchedule } from '../../domain/calendar';
import type { DispatchStores } from '../dispatch/dispatch-deps';
import type { NotifyDeps } from '../notify/notify-deps';

/** What the cycle activities need: the application core to reach the unit workflows and plans, and the channels. */
export interface CycleDeps {
  core: CycleCore;
  announced: readonly AnnouncedSchedule[];
  notify: NotifyDeps;
  /** Where aggregated reports are written (`<dir>/<plan>/<year>/…`). */
  reportsDir: string;
  /** The notification centre: every message of every moment, and the contact problems. */
  stores: DispatchStores;
  /** DONDOC_ADMIN_EMAILS: who hears that a yearly schedule could not start its cycle (see schedule-admins.ts). */
  adminEmails?: readonly string[];
}
