import type { Plan, RecipientGroup } from '../../domain/plan/plan-schema';
import {
  byInstant,
  formatVietnameseDate,
  parsePlanDateTime,
  planClock,
  planDayOf,
  vietnameseWeekday,
  vnDayWithWeekday,
} from '../../domain/plan-time';
import type { CycleSchedule, EscalationEvent, ScheduleEvent } from '../../domain/schedule/schedule-types';
import { reminderLabel } from './reminder-label';
import { renderTable } from './text-table';

const GROUP_NAMES: Record<RecipientGroup, string> = {
  unit: 'đơn vị',
  supervisor: 'cơ quan theo dõi',
  leadership: 'lãnh đạo',
};

/** The schedule as a Phòng Nội vụ officer reads it: one block per obligation, its dates, then its units. */
export function renderScheduleTable(plan: Plan, schedule: CycleSchedule): string {
  const unitNames = new Map(plan.units.map((unit) => [unit.id, unit.name]));
  const supervisor = unitNames.get(plan.supervisor) ?? plan.supervisor;
  const blocks: string[] = [
    `${plan.title} — năm ${schedule.year}`,
    `${plan.issuer} · ngày ban hành ${vnDayWithWeekday(schedule.issuedOn)} · giờ Việt Nam (UTC+7)`,
  ];

  plan.obligations.forEach((obligation, index) => {
    const items = schedule.items.filter((item) => item.obligation === obligation.id);
    const first = items[0];
    if (!first) return;
    const aggregation = schedule.aggregations.find((a) => a.obligation === obligation.id);
    const moved = first.nominalDueDate !== first.dueDate;
    const rows = eventRows(first.events, supervisor);
    if (aggregation) rows.push(row(aggregation.at, `Tổng hợp báo cáo gửi ${supervisor}`));
    rows.sort(byInstant);
    blocks.push(
      [
        `${index + 1}. ${obligation.title} [${obligation.id}]`,
        `   Hạn theo kế hoạch: ${vnDayWithWeekday(first.nominalDueDate)}` +
          (moved
            ? ` → hạn thực tế: ${vnDayWithWeekday(first.dueDate)} (ngày làm việc ${obligation.ifNonWorkingDay === 'previous' ? 'liền trước' : 'tiếp theo'})`
            : ''),
        `   Đơn vị thực hiện (${items.length}): ${items.map((item) => unitNames.get(item.unit) ?? item.unit).join('; ')}`,
        '',
        renderTable(
          ['Ngày', 'Thứ', 'Giờ', 'Việc'],
          rows.map((r) => r.cells),
          '   ',
        ),
      ].join('\n'),
    );
  });
  return blocks.join('\n\n') + '\n';
}

/** A table row and the instant it is about, to sort by. */
interface Row {
  at: string;
  cells: string[];
}

function eventRows(events: readonly ScheduleEvent[], supervisor: string): Row[] {
  const rows: Row[] = [];
  const repeats: EscalationEvent[] = [];
  for (const event of events) {
    if (event.type === 'escalation' && event.repeat > 0) {
      repeats.push(event);
      continue;
    }
    const what =
      event.type === 'reminder'
        ? reminderLabel(event.workingDaysBefore)
        : `Đôn đốc cấp ${event.level} (quá hạn ${event.workingDaysAfter} ngày làm việc): ${recipients(event, supervisor)}`;
    rows.push(row(event.at, what));
  }
  const firstRepeat = repeats[0];
  const lastRepeat = repeats[repeats.length - 1];
  if (firstRepeat && lastRepeat) {
    const until = formatVietnameseDate(planDayOf(epochOf(lastRepeat.at)));
    rows.push(
      row(firstRepeat.at, `Nhắc lại cấp ${firstRepeat.level}: ${repeats.length} lần, đến ${until} (nếu vẫn chưa nộp)`),
    );
  }
  return rows;
}

function recipients(event: EscalationEvent, supervisor: string): string {
  return event.notify.map((group) => (group === 'supervisor' ? supervisor : GROUP_NAMES[group])).join(', ');
}

/** Date, weekday and time of `at` in plan time, then what happens then. */
function row(at: string, what: string): Row {
  const epochMs = epochOf(at);
  const day = planDayOf(epochMs);
  return { at, cells: [formatVietnameseDate(day), vietnameseWeekday(day), planClock(epochMs), what] };
}

function epochOf(instant: string): number {
  const epochMs = parsePlanDateTime(instant);
  if (epochMs === undefined) throw new RangeError(`Not an ISO 8601 instant: "${instant}"`);
  return epochMs;
}
