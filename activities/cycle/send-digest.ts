import type { CycleRef } from '../../domain/cycle/unit-input';
import { planContactProblems } from '../../domain/dispatch/plan-contact-problems';
import { parseLocalDate } from '../../domain/local-date';
import { notificationKey, sendKey } from '../../domain/notifications/idempotency-key';
import type {
  Contact,
  DigestContactProblem,
  DigestNotification,
  DigestRow,
  PlanRef,
} from '../../domain/notifications/notification';
import { planCalendar } from '../../domain/plan/plan-calendar';
import { planDayOf } from '../../domain/plan-time';
import { sendEmailNotification } from '../notify/send-email';
import type { CycleDeps } from './cycle-deps';
import { fetchStatuses } from './fetch-statuses';

export interface SendDigestInput {
  cycle: CycleRef;
  plan: PlanRef;
  planSnapshot: string;
  supervisor: { name: string; contacts: Contact[] };
  at: string;
  unitIds: string[];
}

/** An obligation due within this many working days appears in the digest as "due soon". */
const DUE_SOON_WORKING_DAYS = 10;

/** The weekly digest to the supervisor: sent only when something is overdue or due soon. */
export function sendDigest(deps: CycleDeps) {
  return async (input: SendDigestInput): Promise<{ rows: number; sent: boolean }> => {
    const plan = await deps.core.plan(input.planSnapshot);
    const calendar = planCalendar(plan, deps.announced);
    const today = planDayOf(Date.parse(input.at));
    const rows: DigestRow[] = [];
    for (const status of await fetchStatuses(deps.core, input.cycle, input.unitIds)) {
      for (const obligation of status.obligations) {
        if (obligation.state !== 'pending' && obligation.state !== 'overdue') continue;
        const due = parseLocalDate(obligation.dueDate);
        if (due === undefined) continue;
        const left = calendar.workingDaysBetween(today, due);
        if (obligation.state === 'pending' && left > DUE_SOON_WORKING_DAYS) continue;
        rows.push({
          unit: status.unit,
          obligation: { id: obligation.id, title: obligation.title, dueDate: obligation.dueDate },
          state: obligation.state === 'overdue' ? 'overdue' : 'due-soon',
          workingDaysLeft: left,
          level: obligation.level,
        });
      }
    }
    const contactProblems: DigestContactProblem[] = planContactProblems(
      plan,
      await deps.stores.contactProblems.list(),
    ).map(({ name, channel, address, reason, detectedAt }) => ({ name, channel, address, reason, detectedAt }));
    if ((rows.length === 0 && contactProblems.length === 0) || !input.supervisor.contacts.some((c) => c.email))
      return { rows: rows.length, sent: false };
    const notification: DigestNotification = {
      kind: 'digest',
      key: notificationKey({
        planId: input.cycle.planId,
        year: input.cycle.year,
        unitId: plan.supervisor,
        obligationIds: [],
        kind: 'digest',
        ordinal: 0,
        scheduledAt: input.at,
      }),
      scheduledAt: input.at,
      plan: input.plan,
      supervisorName: input.supervisor.name,
      rows,
      ...(contactProblems.length > 0 && { contactProblems }),
      ...(deps.notify.dashboardUrl && { dashboardUrl: deps.notify.dashboardUrl }),
    };
    await sendEmailNotification(deps.notify)({
      notification,
      audience: 'supervisor',
      key: sendKey(notification.key, 'supervisor', 'email'),
      to: input.supervisor.contacts.filter((c) => c.email),
    });
    return { rows: rows.length, sent: true };
  };
}
