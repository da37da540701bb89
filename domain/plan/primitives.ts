import { z } from 'zod';
import { LocalDateTextSchema } from '../calendar/calendar-data';
import { parseMonthDay } from '../local-date';

export const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens (e.g. xa-ia-tul)');

export const TimeOfDaySchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, {
  message: 'must be a time HH:mm between 00:00 and 23:59 (e.g. "08:00")',
  abort: true,
});

/** A real date `YYYY-MM-DD`; the calendar data shares the definition. */
export const IsoDateSchema = LocalDateTextSchema;

export const MonthDaySchema = z
  .string()
  .regex(/^\d{2}-\d{2}$/, { message: 'must be a month and day MM-DD (e.g. "05-10")', abort: true })
  .refine((text) => parseMonthDay(text) !== undefined, 'must be a real month and day MM-DD (e.g. "05-10")')
  .refine((text) => text !== '02-29', '02-29 does not exist every year: use 02-28 or 03-01');

export const EmailSchema = z.email('must be a valid email address');

/** YAML reads an unquoted 0905123456 as the number 905123456: put back the 0 (or keep a leading 84). */
function unquotedPhone(value: unknown): unknown {
  if (typeof value !== 'number' || !Number.isInteger(value)) return value;
  const digits = String(value);
  return digits.startsWith('84') && digits.length >= 11 ? digits : `0${digits}`;
}

/**
 * Vietnamese phone numbers as people write them ("0905 123 456", "+84 905.123.456", "84905123456"),
 * normalised to the international form without "+", as Zalo expects ("84905123456").
 */
export const PhoneSchema = z
  .preprocess(unquotedPhone, z.string())
  .transform((text) => text.replace(/[\s.()-]/g, ''))
  .refine(
    (digits) => /^(?:\+?84|0)\d{9,10}$/.test(digits),
    'must be a Vietnamese phone number such as "0905123456" or "+84905123456"',
  )
  .transform((digits) => digits.replace(/^\+?84|^0/, '84'));

/** "Ia Pa", not "  Ia Pa ": names are shown in Vietnamese documents as written. */
export const TextSchema = z.string().trim().min(1, 'must not be empty');
