export {
  AnnouncedEntrySchema,
  AnnouncedScheduleSchema,
  CalendarEntryKindSchema,
  CalendarOverrideSchema,
  LocalDateTextSchema,
  type AnnouncedEntry,
  type AnnouncedSchedule,
  type CalendarEntryKind,
  type CalendarOverride,
} from './calendar-data';
export { statutoryDaysOff, type StatutoryDayOff, type StatutoryOptions } from './statutory-days-off';
export {
  createWorkingCalendar,
  WEEKEND_NAME,
  type CalendarDayOff,
  type CalendarWorkingWeekendDay,
  type CalendarYear,
  type WorkingCalendar,
  type WorkingCalendarOptions,
} from './working-calendar';
export type { DayOffKind } from './year-table';
