import type { Plan, RecipientGroup } from '../../domain/plan/plan-schema';
import type { CycleSchedule, EscalationEvent, ScheduleEvent } from '../../domain/schedule/schedule-types';
import { renderTable } from './text-table';
import { dateWithWeekday, reminderLabel, splitInstant } from './vietnamese';

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
    `${plan.issuer} · ngày ban hành ${dateWithWeekday(schedule.issuedOn)} · giờ Việt Nam (UTC+7)`,
  ];

  plan.obligations.forEach((obligation, index) => {
    const items = schedule.items.filter((item) => item.obligation === obligation.id);
    const first = items[0];
    if (!first) return;
    const aggregation = schedule.aggregations.find((a) => a.obligation === obligation.id);
    const moved = first.nominalDueDate !== first.dueDate;
    const rows = eventRows(first.events, supervisor);
    if (aggregation) {
      const { date, weekday, time } = splitInstant(aggregation.at);
      rows.push([date, weekday, time, `Tổng hợp báo cáo gửi ${supervisor}`]);
    }
    rows.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
    blocks.push(
      [
        `${index + 1}. ${obligation.title} [${obligation.id}]`,
        `   Hạn theo kế hoạch: ${dateWithWeekday(first.nominalDueDate)}` +
          (moved
            ? ` → hạn thực tế: ${dateWithWeekday(first.dueDate)} (ngày làm việc ${obligation.ifNonWorkingDay === 'previous' ? 'liền trước' : 'tiếp theo'})`
            : ''),
        `   Đơn vị thực hiện (${items.length}): ${items.map((item) => unitNames.get(item.unit) ?? item.unit).join('; ')}`,
        '',
        renderTable(['Ngày', 'Thứ', 'Giờ', 'Việc'], rows, '   '),
      ].join('\n'),
    );
  });
  return blocks.join('\n\n') + '\n';
}

function eventRows(events: readonly ScheduleEvent[], supervisor: string): string[][] {
  const rows: string[][] = [];
  const repeats: EscalationEvent[] = [];
  for (const event of events) {
    if (event.type === 'escalation' && event.repeat > 0) {
      repeats.push(event);
      continue;
    }
    const { date, weekday, time } = splitInstant(event.at);
    const what =
      event.type === 'reminder'
        ? reminderLabel(event.workingDaysBefore)
        : `Đôn đốc cấp ${event.level} (quá hạn ${event.workingDaysAfter} ngày làm việc): ${recipients(event, supervisor)}`;
    rows.push([date, weekday, time, what]);
  }
  const firstRepeat = repeats[0];
  const lastRepeat = repeats[repeats.length - 1];
  if (firstRepeat && lastRepeat) {
    const { date, weekday, time } = splitInstant(firstRepeat.at);
    const until = splitInstant(lastRepeat.at).date;
    rows.push([
      date,
      weekday,
      time,
      `Nhắc lại cấp ${firstRepeat.level}: ${repeats.length} lần, đến ${until} (nếu vẫn chưa nộp)`,
    ]);
  }
  return rows;
}

function recipients(event: EscalationEvent, supervisor: string): string {
  return event.notify.map((group) => (group === 'supervisor' ? supervisor : GROUP_NAMES[group])).join(', ');
}

/** dd/MM/yyyy HH:mm → sortable yyyyMMddHHmm. */
function sortKey(row: readonly string[]): string {
  const [date = '', , time = ''] = row;
  return `${date.slice(6, 10)}${date.slice(3, 5)}${date.slice(0, 2)}${time}`;
}
