import { messageSummary, type MomentMessage, type RecipientItem } from '../../domain/dispatch/message-items';
import { vnDate } from '../../domain/plan-time';
import { renderMomentEmail } from '../email';
import { clipZnsData, ZNS_MAX_VALUE_LENGTH, type ZnsTemplateMessage } from './zns-templates';

/** OA texts are capped around 2,000 characters (zalo-api.md §2). */
export const OA_TEXT_LIMIT = 1900;

/** `prefix` and as many whole names as fit in a ZNS value, then `…`: a name is never cut in the middle. */
function listWithin(prefix: string, names: readonly string[], separator: string): string {
  const all = prefix + names.join(separator);
  if (all.length <= ZNS_MAX_VALUE_LENGTH) return all;
  const more = `${separator}…`;
  let text = prefix;
  for (const [index, name] of names.entries()) {
    const next = index === 0 ? text + name : text + separator + name;
    if (next.length + more.length > ZNS_MAX_VALUE_LENGTH) break;
    text = next;
  }
  return text === prefix ? `${prefix}…` : text + more;
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function earliestDue(items: readonly RecipientItem[]): RecipientItem {
  return items.reduce((a, b) => (b.dueDate < a.dueDate ? b : a));
}

/**
 * The working days a ZNS quotes: for an escalation, the longest any item is overdue (a reminder item in the same
 * message must not turn "quá hạn" into its days left); for a reminder, the days left to the earliest due date.
 */
function quotedDays(items: readonly RecipientItem[], kind: 'reminder' | 'escalation'): number {
  const late = items.filter((item) => item.workingDays < 0);
  if (kind === 'escalation' && late.length > 0) return Math.max(...late.map((item) => -item.workingDays));
  return Math.abs(earliestDue(items).workingDays);
}

/**
 * The moment's message as a registered ZNS template ('reminder' or 'escalation', the same parameters as a single
 * deadline): several units are named as "N đơn vị: A, B, …"; the link is the unit's submission page when the
 * message is about one obligation of the reader's own unit, otherwise the dashboard.
 */
export function renderMomentZns(message: MomentMessage): ZnsTemplateMessage {
  const items = message.items.map((item) => JSON.parse(JSON.stringify(item).normalize('NFC')) as RecipientItem);
  const { kind } = messageSummary(items);
  const units = [...new Map(items.map((item) => [item.unitId, item.unit.name])).values()];
  const only = items.length === 1 && items[0]!.role === 'unit' ? items[0] : undefined;
  return {
    template: kind,
    data: clipZnsData({
      ten_don_vi: units.length === 1 ? units[0]! : listWithin(`${units.length} đơn vị: `, units, ', '),
      ten_nhiem_vu: listWithin('', distinct(items.map((item) => item.title)), '; '),
      han_nop: items.length > 0 ? vnDate(earliestDue(items).dueDate) : '',
      so_ngay: items.length > 0 ? String(quotedDays(items, kind)) : '',
      duong_dan: only?.submissionUrl ?? message.dashboardUrl ?? '',
    }),
  };
}

/**
 * The OA text of a moment's message: the email's plain text (with the unit's inbox link), cut on a line within the
 * OA limit; what is cut is pointed to on the unit's inbox, or the dashboard, when there is one.
 */
export function renderMomentOaText(message: MomentMessage, dashboardUrl?: string): string {
  const url = dashboardUrl ?? message.dashboardUrl;
  const text = renderMomentEmail(message, url === undefined ? {} : { dashboardUrl: url }).text.trimEnd();
  if (text.length <= OA_TEXT_LIMIT) return text;
  // A unit's own people get their inbox (every obligation, with its link) rather than the dashboard they cannot open.
  const inboxUrl = message.items.find((item) => item.role === 'unit' && item.inboxUrl)?.inboxUrl;
  const pointer = inboxUrl ? `\n…\nXem mọi việc của đơn vị: ${inboxUrl}` : `\n…\nXem đầy đủ tại bảng theo dõi: ${url}`;
  const tail = (inboxUrl || url) && pointer.length < OA_TEXT_LIMIT / 2 ? pointer : '\n…';
  const head = text.slice(0, OA_TEXT_LIMIT - tail.length);
  const lineEnd = head.lastIndexOf('\n');
  return (lineEnd > head.length / 2 ? head.slice(0, lineEnd) : head).trimEnd() + tail;
}
