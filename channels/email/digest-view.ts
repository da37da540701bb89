import type { Audience, DigestNotification, DigestRow } from '../../domain/notifications/notification';
import { ACCENT, baseView, type EmailView } from './email-view';
import { dayWithWeekday, localInstant, shortDay, workingDaysPhrase } from './vietnamese-format';

export interface DigestRowView {
  unitName: string;
  title: string;
  dueDay: string;
  status: string;
  /** `lần 2`, or empty when no escalation was sent yet. */
  level: string;
}

export interface DigestView extends EmailView {
  asOf: string;
  overdue: DigestRowView[];
  dueSoon: DigestRowView[];
  overdueUnitCount: number;
  contactProblems: { name: string; channel: string; address: string; reason: string; since: string }[];
}

const CHANNEL_NAMES = { email: 'Email', zns: 'Zalo (ZNS)', oa: 'Zalo OA' } as const;

function rowView(row: DigestRow): DigestRowView {
  return {
    unitName: row.unit.name,
    title: row.obligation.title,
    dueDay: dayWithWeekday(row.obligation.dueDate),
    status: workingDaysPhrase(row.workingDaysLeft),
    level: row.level > 0 ? `lần ${row.level}` : '',
  };
}

/** Most urgent first: the longest overdue, then the nearest due; ties by unit name so the order is stable. */
function byUrgency(a: DigestRow, b: DigestRow): number {
  return a.workingDaysLeft - b.workingDaysLeft || a.unit.name.localeCompare(b.unit.name, 'vi');
}

export function digestView(notification: DigestNotification, audience: Audience, dashboardUrl?: string): DigestView {
  const rows = [...notification.rows].sort(byUrgency);
  const overdue = rows.filter((row) => row.state === 'overdue');
  const dueSoon = rows.filter((row) => row.state === 'due-soon');
  const asOf = localInstant(notification.scheduledAt);
  const counts = `${overdue.length} nội dung quá hạn, ${dueSoon.length} sắp đến hạn`;
  const subject = `[Tổng hợp tuần ${shortDay(asOf.date)}] ${counts} — ${notification.plan.title}`;
  return {
    ...baseView(notification, audience, {
      subject,
      preheader: counts,
      accent: overdue.length > 0 ? ACCENT.warning : ACCENT.info,
      dashboardUrl: notification.dashboardUrl ?? dashboardUrl,
    }),
    asOf: asOf.full,
    overdue: overdue.map(rowView),
    dueSoon: dueSoon.map(rowView),
    overdueUnitCount: new Set(overdue.map((row) => row.unit.id)).size,
    contactProblems: (notification.contactProblems ?? []).map((p) => ({
      name: p.name,
      channel: CHANNEL_NAMES[p.channel],
      address: p.address,
      reason: p.reason,
      since: localInstant(p.detectedAt).full,
    })),
  };
}
