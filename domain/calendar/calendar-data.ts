import { z } from 'zod';
import { parseLocalDate } from '../local-date';

/** A strict `YYYY-MM-DD` date that exists. */
export const LocalDateTextSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD (e.g. "2022-05-10")', abort: true })
  .refine((text) => parseLocalDate(text) !== undefined, 'must be a real date YYYY-MM-DD (e.g. "2022-05-10")');

/** `day-off`: the date is not worked. `working-day`: it is worked (a làm-bù weekend day, or a cancelled day off). */
export const CalendarEntryKindSchema = z.enum(['day-off', 'working-day']);
export type CalendarEntryKind = z.infer<typeof CalendarEntryKindSchema>;

/** One day of a schedule announced by the Government (Văn phòng Chính phủ, Bộ Nội vụ), with the document it is from. */
export const AnnouncedEntrySchema = z.strictObject({
  date: LocalDateTextSchema,
  kind: CalendarEntryKindSchema,
  name: z.string().trim().min(1),
  source: z.string().trim().min(1),
});
export type AnnouncedEntry = z.infer<typeof AnnouncedEntrySchema>;

/** The announced changes to one solar year's calendar; every entry's date lies in `year`. */
export const AnnouncedScheduleSchema = z.strictObject({
  year: z.number().int().min(1900).max(2200),
  entries: z.array(AnnouncedEntrySchema),
});
export type AnnouncedSchedule = z.infer<typeof AnnouncedScheduleSchema>;

/** A plan's own calendar change (`calendar.overrides`), source optional; applied after the announced schedules. */
export const CalendarOverrideSchema = AnnouncedEntrySchema.extend({
  source: AnnouncedEntrySchema.shape.source.optional(),
});
export type CalendarOverride = z.infer<typeof CalendarOverrideSchema>;
