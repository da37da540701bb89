import type { Audience, DeadlineNotification } from '../../domain/notifications/notification';
import { escalationLevel } from './email-headers';
import { EmailRenderError } from './email-render-error';
import { ACCENT, baseView, type EmailView, leadershipName, titlesLine } from './email-view';
import { dayWithWeekday, localInstant, workingDaysPhrase } from './vietnamese-format';

export interface ObligationView {
  title: string;
  /** `Thứ Hai 31/10/2022`. */
  dueDay: string;
  /** `còn 5 ngày làm việc` · `hôm nay là hạn cuối` · `đã quá hạn 3 ngày làm việc`. */
  status: string;
  overdue: boolean;
  url?: string;
}

export interface DeadlineView extends EmailView {
  audience: Audience;
  level: number;
  unitName: string;
  obligations: ObligationView[];
  titles: string;
  dueDay: string;
  status: string;
  overdueDays: number;
  dueToday: boolean;
  /** When the notice was scheduled, `08:00 Thứ Hai 17/10/2022`. */
  asOf: string;
  leadershipName: string;
  /** The next escalation: its day and whom it reports to besides the unit and the reader (may be empty). */
  next?: { level: number; day: string; who: string };
}

/** Whom the next level reports to, leaving out the reader: Phòng Nội vụ is not told that Phòng Nội vụ will be told. */
export function nextWho(
  sender: { supervisorName: string; plan: { issuer: string } },
  audiences: readonly Audience[],
  reader: Audience,
): string {
  const names: string[] = [];
  if (audiences.includes('supervisor') && reader !== 'supervisor') names.push(sender.supervisorName);
  if (audiences.includes('leadership') && reader !== 'leadership') names.push(leadershipName(sender.plan.issuer));
  return names.join(' và ');
}

function subjectOf(
  notification: DeadlineNotification,
  audience: Audience,
  view: Omit<ObligationView, 'title'>,
): string {
  const titles = titlesLine(notification.obligations.map((o) => o.title));
  if (notification.kind === 'reminder') return `[Nhắc hạn] ${titles} — hạn ${view.dueDay}`;
  const prefix = `[Đôn đốc lần ${escalationLevel(notification)}]`;
  const unit = notification.unit.name;
  if (audience === 'supervisor') return `${prefix} Đơn vị chậm nộp: ${unit} — ${titles} (hạn ${view.dueDay})`;
  if (audience === 'leadership') return `${prefix} Báo cáo Lãnh đạo: ${unit} chưa nộp ${titles} (hạn ${view.dueDay})`;
  return `${prefix} ${titles} — hạn ${view.dueDay}, ${view.status}`;
}

export function deadlineView(
  notification: DeadlineNotification,
  audience: Audience,
  dashboardUrl?: string,
): DeadlineView {
  const obligations = notification.obligations.map((o) => ({
    title: o.title,
    dueDay: dayWithWeekday(o.dueDate),
    status: workingDaysPhrase(o.workingDaysLeft),
    overdue: o.workingDaysLeft < 0,
    url: o.submissionUrl,
  }));
  const first = obligations[0];
  const firstNotice = notification.obligations[0];
  if (!first || !firstNotice) {
    throw new EmailRenderError('EMAIL_RENDER_FAILED', `Notification ${notification.key} has no obligation`);
  }
  const level = notification.kind === 'escalation' ? escalationLevel(notification) : 0;
  const next = notification.nextEscalation;
  const accent = level === 0 ? ACCENT.info : level === 1 ? ACCENT.warning : ACCENT.urgent;
  const subject = subjectOf(notification, audience, first);
  return {
    ...baseView(notification, audience, {
      subject,
      preheader: `${first.dueDay}: ${first.status}`,
      accent,
      dashboardUrl,
    }),
    audience,
    level,
    unitName: notification.unit.name,
    obligations,
    titles: titlesLine(obligations.map((o) => o.title)),
    dueDay: first.dueDay,
    status: first.status,
    overdueDays: Math.max(0, -firstNotice.workingDaysLeft),
    dueToday: firstNotice.workingDaysLeft === 0,
    asOf: localInstant(notification.scheduledAt).full,
    leadershipName: leadershipName(notification.plan.issuer),
    next: next && {
      level: next.level,
      day: localInstant(next.at).day,
      who: nextWho(notification, next.audiences, audience),
    },
  };
}
