import type { Audience, Notification } from '../../domain/notifications/notification';
import { planLine } from './vietnamese-format';

/** What every template's layout shows: heading, addressee, the plan, and who runs the follow-up. */
export interface EmailView {
  subject: string;
  /** One line a mail client shows after the subject, before the email is opened. */
  preheader: string;
  addressee: string;
  issuer: string;
  supervisorName: string;
  planLine: string;
  /** Header band colour: calm for information, warmer as escalation rises. */
  accent: string;
  dashboardUrl?: string;
  /** The unit's inbox link, in messages to the unit's own people. */
  inboxUrl?: string;
  /** The message names the reader's own unit's deadlines: a reply with the document attached submits them. */
  replyToSubmit?: boolean;
}

export const ACCENT = { info: '#1d4ed8', warning: '#b45309', urgent: '#b91c1c' } as const;

/** "Lãnh đạo Ủy ban nhân dân huyện Ia Pa": the last escalation level, as the plan's issuer. */
export function leadershipName(issuer: string): string {
  return `Lãnh đạo ${issuer}`;
}

function addresseeOf(notification: Notification, audience: Audience): string {
  if (audience === 'leadership') return leadershipName(notification.plan.issuer);
  if (audience === 'unit' && 'unit' in notification) return notification.unit.name;
  return notification.supervisorName;
}

export function baseView(
  notification: Notification,
  audience: Audience,
  parts: Pick<EmailView, 'subject' | 'preheader' | 'accent'> & { dashboardUrl?: string },
): EmailView {
  return {
    ...parts,
    addressee: addresseeOf(notification, audience),
    issuer: notification.plan.issuer,
    supervisorName: notification.supervisorName,
    planLine: planLine(notification.plan),
    ...(audience === 'unit' && notification.inboxUrl !== undefined && { inboxUrl: notification.inboxUrl }),
    // Only a unit's own reminders and escalations are matched to obligations when answered (inbound/).
    ...(audience === 'unit' &&
      (notification.kind === 'reminder' || notification.kind === 'escalation') && { replyToSubmit: true }),
  };
}

/** One title, or the first and how many more ("… và 2 nội dung khác"). */
export function titlesLine(titles: readonly string[]): string {
  const [first, ...rest] = titles;
  return rest.length === 0 ? (first ?? '') : `${first} và ${rest.length} nội dung khác`;
}
