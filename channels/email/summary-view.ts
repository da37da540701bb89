import { messageSummary, type MomentMessage, type RecipientItem } from '../../domain/dispatch/message-items';
import type { Contact } from '../../domain/notifications/notification';
import { nextWho, type ObligationView } from './deadline-view';
import { EmailRenderError } from './email-render-error';
import { ACCENT, type EmailView } from './email-view';
import { dayWithWeekday, localInstant, planLine, shortDay, workingDaysPhrase } from './vietnamese-format';

/** The recipient's own unit and what it must still submit. */
export interface OwnUnitView {
  unitName: string;
  obligations: ObligationView[];
  anyOverdue: boolean;
  /** Where the unit sends its document; absent when the unit is the supervising office itself. */
  submitTo?: string;
}

/** One row of the table of escalated units. */
export interface EscalatedRowView {
  unitName: string;
  title: string;
  /** `31/10/2022`. */
  dueDate: string;
  /** `3` working days late, or `còn 2` / `hôm nay là hạn cuối` for an item not yet late. */
  days: string;
  /** `đã quá hạn 3 ngày làm việc`, for the plain text. */
  status: string;
  overdue: boolean;
  /** `Đôn đốc lần 2`, or `Nhắc hạn`. */
  level: string;
  /** `Lần 3 (09/11/2022), báo cáo Lãnh đạo …`; absent at the last level. */
  next?: string;
}

export interface SummaryView extends EmailView {
  heading: string;
  /** When the moment was scheduled, `08:00 Thứ Hai 17/10/2022`. */
  asOf: string;
  /** Some item summarises what a late-started follow-up found overdue, instead of the ladder it missed. */
  catchUp: boolean;
  own: OwnUnitView[];
  escalated: EscalatedRowView[];
  escalatedUnitCount: number;
  /** The reader's roles for the escalated items: they decide the closing request. */
  asSupervisor: boolean;
  asLeadership: boolean;
  highestLevel: number;
}

/** `Ksor Suy, Phó Chủ tịch UBND huyện`; a name that already starts with its title (a role placeholder) stands alone. */
export function addresseeOf(person: Contact): string {
  const name = person.name.trim();
  const title = person.title?.trim();
  if (!title || name.toLocaleLowerCase('vi').startsWith(title.toLocaleLowerCase('vi'))) return name;
  return `${name}, ${title}`;
}

function distinctUnits(items: readonly RecipientItem[]): string[] {
  return [...new Map(items.map((item) => [item.unitId, item.unit.name])).values()];
}

function isLate(item: RecipientItem): boolean {
  return item.type === 'escalation' || item.workingDays < 0;
}

function subjectOf(message: MomentMessage, catchUp: boolean): string {
  const { kind } = messageSummary(message.items);
  const prefix = catchUp ? '[Tổng hợp quá hạn]' : kind === 'escalation' ? '[Đôn đốc]' : '[Nhắc hạn]';
  const late = distinctUnits(message.items.filter(isLate));
  const plan = message.plan.title;
  if (late.length === 1) return `${prefix} ${late[0]} chậm thực hiện — ${plan}`;
  if (late.length > 1) return `${prefix} ${late.length} đơn vị chậm thực hiện — ${plan}`;
  return `${prefix} ${message.items.length} nội dung sắp đến hạn — ${plan}`;
}

function ownUnits(message: MomentMessage): OwnUnitView[] {
  const byUnit = new Map<string, RecipientItem[]>();
  for (const item of message.items.filter((i) => i.role === 'unit')) {
    byUnit.set(item.unitId, [...(byUnit.get(item.unitId) ?? []), item]);
  }
  return [...byUnit.values()].map((items) => {
    const unitName = items[0]!.unit.name;
    return {
      unitName,
      obligations: items.map((item) => ({
        title: item.title,
        dueDay: dayWithWeekday(item.dueDate),
        status:
          item.type === 'escalation'
            ? `${workingDaysPhrase(item.workingDays)}; đôn đốc lần ${item.level}`
            : workingDaysPhrase(item.workingDays),
        overdue: item.workingDays < 0,
        ...(item.submissionUrl !== undefined && { url: item.submissionUrl }),
      })),
      anyOverdue: items.some(isLate),
      ...(unitName !== message.supervisorName && { submitTo: message.supervisorName }),
    };
  });
}

function daysCell(workingDays: number): string {
  if (workingDays < 0) return String(-workingDays);
  return workingDays === 0 ? 'hôm nay là hạn cuối' : `còn ${workingDays}`;
}

function nextStep(message: MomentMessage, item: RecipientItem): string | undefined {
  const next = item.nextEscalation;
  if (!next) return undefined;
  const who = nextWho(message, next.audiences, item.role);
  return `Lần ${next.level} (${shortDay(localInstant(next.at).date)})${who ? `, báo cáo ${who}` : ''}`;
}

function escalatedRow(message: MomentMessage, item: RecipientItem): EscalatedRowView {
  const row: EscalatedRowView = {
    unitName: item.unit.name,
    title: item.title,
    dueDate: shortDay(item.dueDate),
    days: daysCell(item.workingDays),
    status: workingDaysPhrase(item.workingDays),
    overdue: item.workingDays < 0,
    level: item.type === 'escalation' ? `Đôn đốc lần ${item.level}` : 'Nhắc hạn',
  };
  const next = nextStep(message, item);
  return next === undefined ? row : { ...row, next };
}

/** The inbox link of the reader's own unit (the first, when they head several). */
function inboxOf(message: MomentMessage): { inboxUrl?: string } {
  const inboxUrl = message.items.find((item) => item.role === 'unit' && item.inboxUrl)?.inboxUrl;
  return inboxUrl === undefined ? {} : { inboxUrl };
}

/**
 * The view of a message that is not simply a unit's own deadline: a supervisor's or the leadership's table of
 * escalated units, with the reader's own unit first when they head one, or a late start's catch-up.
 */
export function summaryView(message: MomentMessage, dashboardUrl?: string): SummaryView {
  if (message.items.length === 0) {
    throw new EmailRenderError('EMAIL_RENDER_FAILED', `Message ${message.key} has no item`);
  }
  const escalatedItems = message.items.filter((item) => item.role !== 'unit');
  const catchUp = message.items.some((item) => item.catchUp);
  const highestLevel = messageSummary(message.items).level ?? 0;
  const subject = subjectOf(message, catchUp);
  const escalatedUnitCount = distinctUnits(escalatedItems).length;
  const heading = catchUp
    ? 'Tổng hợp các nội dung đã quá hạn'
    : escalatedItems.length > 0
      ? 'Danh sách đơn vị chậm thực hiện'
      : highestLevel > 0
        ? `Đôn đốc lần ${highestLevel}`
        : 'Nhắc hạn nộp';
  const preheader =
    escalatedItems.length > 0
      ? `${escalatedUnitCount} đơn vị, ${escalatedItems.length} nội dung chưa nộp`
      : `${message.items.length} nội dung cần hoàn thành`;
  return {
    subject,
    preheader,
    addressee: addresseeOf(message.recipient),
    issuer: message.plan.issuer,
    supervisorName: message.supervisorName,
    planLine: planLine(message.plan),
    accent: highestLevel === 0 ? ACCENT.info : highestLevel === 1 ? ACCENT.warning : ACCENT.urgent,
    ...(dashboardUrl !== undefined && { dashboardUrl }),
    ...inboxOf(message),
    ...(message.items.some((item) => item.role === 'unit') && { replyToSubmit: true }),
    heading,
    asOf: localInstant(message.scheduledAt).full,
    catchUp,
    own: ownUnits(message),
    escalated: escalatedItems.map((item) => escalatedRow(message, item)),
    escalatedUnitCount,
    asSupervisor: escalatedItems.some((item) => item.role === 'supervisor'),
    asLeadership: escalatedItems.some((item) => item.role === 'leadership'),
    highestLevel,
  };
}
