import type { CalendarYear } from '../../domain/calendar';
import { vnDayWithWeekday } from '../../domain/plan-time';
import { renderTable } from './text-table';

const KIND_NAMES = { holiday: 'nghỉ lễ, Tết', substitute: 'nghỉ bù', announced: 'theo thông báo' } as const;

export function renderCalendarTable(year: CalendarYear, workingDays: number): string {
  const daysOff = year.daysOff.map((day) => [
    vnDayWithWeekday(day.date),
    day.name,
    KIND_NAMES[day.kind],
    day.source ?? '',
  ]);
  const worked = year.workingWeekendDays.map((day) => [vnDayWithWeekday(day.date), day.name, day.source ?? '']);
  return [
    `Lịch làm việc năm ${year.year} của cơ quan hành chính nhà nước (giờ Việt Nam)`,
    '',
    `Ngày nghỉ rơi vào ngày thường (${daysOff.length}):`,
    renderTable(['Ngày', 'Tên', 'Loại', 'Nguồn'], daysOff, '  '),
    '',
    `Thứ Bảy, Chủ nhật làm việc bù (${worked.length}):`,
    worked.length > 0 ? renderTable(['Ngày', 'Tên', 'Nguồn'], worked, '  ') : '  (không có)',
    '',
    `Tổng số ngày làm việc: ${workingDays}`,
    '',
  ].join('\n');
}
