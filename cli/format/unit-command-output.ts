import type { SubmitReceipt } from '../../domain/cycle/unit-commands';
import type { FileRef } from '../../domain/cycle/unit-state';
import { vnDate, vnDateTime, vnDayWithWeekday } from '../../domain/plan-time';
import type { ScheduleEvent } from '../../domain/schedule/schedule-types';
import { reminderLabel } from './reminder-label';

export interface Subject {
  unitName: string;
  obligationTitle: string;
}

/** The unit's name and the obligation's title, from what a unit command acted on. */
export function subjectOf(acted: { unit: { unit: { name: string } }; obligation: { title: string } }): Subject {
  return { unitName: acted.unit.unit.name, obligationTitle: acted.obligation.title };
}

/** "Đã nhận … — đúng hạn / trễ hạn, hạn …": the receipt as the officer who submitted reads it. */
export function renderReceipt(subject: Subject, receipt: SubmitReceipt, files: readonly FileRef[]): string {
  const timeliness = receipt.timeliness === 'on-time' ? 'đúng hạn' : 'trễ hạn';
  const lines = [
    `Đã nhận «${subject.obligationTitle}» của ${subject.unitName} lúc ${vnDateTime(receipt.submittedAt)} — ` +
      `${timeliness}, hạn ${vnDate(receipt.dueDate)}` +
      (receipt.version > 1 ? ` (lần nộp thứ ${receipt.version}; tính hạn theo lần nộp đầu)` : ''),
  ];
  for (const file of files) {
    lines.push(`  Tệp: ${file.filename} (${humanSize(file.size)}, sha256 ${file.sha256.slice(0, 12)}…)`);
  }
  return `${lines.join('\n')}\n`;
}

export function renderExtension(
  subject: Subject,
  previousDueDate: string,
  extended: { dueDate: string; events: readonly ScheduleEvent[] },
  nowMs: number,
  shown = 5,
): string {
  const upcoming = extended.events.filter((event) => Date.parse(event.at) > nowMs);
  const lines = [
    `Đã gia hạn «${subject.obligationTitle}» cho ${subject.unitName}: hạn mới ${vnDayWithWeekday(extended.dueDate)} ` +
      `(hạn cũ ${vnDate(previousDueDate)})`,
    upcoming.length === 0 ? 'Không còn lần nhắc hay đôn đốc nào theo lịch.' : 'Các lần nhắc, đôn đốc tiếp theo:',
    ...upcoming.slice(0, shown).map((event) => `  ${vnDateTime(event.at)}  ${describeEvent(event)}`),
    ...(upcoming.length > shown ? [`  … và ${upcoming.length - shown} lần nữa`] : []),
  ];
  return `${lines.join('\n')}\n`;
}

export function renderWaiver(subject: Subject, waivedAt: string, reason: string): string {
  return (
    `Đã miễn «${subject.obligationTitle}» cho ${subject.unitName} lúc ${vnDateTime(waivedAt)}; ` +
    `không nhắc, không đôn đốc nữa. Lý do: ${reason}\n`
  );
}

function describeEvent(event: ScheduleEvent): string {
  if (event.type === 'reminder') return reminderLabel(event.workingDaysBefore);
  return `Đôn đốc cấp ${event.level}${event.repeat > 0 ? ' (nhắc lại)' : ''}: quá hạn ${event.workingDaysAfter} ngày làm việc`;
}

function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
