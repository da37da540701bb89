import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { type AnnouncedSchedule, AnnouncedScheduleSchema } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { formatIssuePath } from '../../domain/issue-path';
import { parseLocalDate, yearOfDayNumber } from '../../domain/local-date';
import { projectRoot } from '../project-root';

/**
 * The folder of the announced schedules, one `<year>.yaml` each. Found from the project root rather than
 * `__dirname` so that a build in `dist/` (where tsc copies no YAML) still reads the source data.
 */
export function defaultCalendarDir(): string {
  return path.join(projectRoot(), 'config', 'calendars');
}

function invalid(file: string, problems: readonly string[]): AppError {
  return new AppError('CALENDAR_DATA_INVALID', `Invalid calendar data in ${file}:\n  ${problems.join('\n  ')}`);
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${formatIssuePath(issue.path) || '(file)'}: ${issue.message}`);
}

/** Problems zod cannot see: dates outside the file's year, and a date listed twice. */
function crossCheck(schedule: AnnouncedSchedule): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  schedule.entries.forEach((entry, i) => {
    const day = parseLocalDate(entry.date);
    if (day !== undefined && yearOfDayNumber(day) !== schedule.year) {
      problems.push(`entries[${i}].date: ${entry.date} is not in year ${schedule.year}`);
    }
    const earlier = seen.get(entry.date);
    if (earlier !== undefined)
      problems.push(`entries[${i}].date: ${entry.date} is already listed at entries[${earlier}]`);
    seen.set(entry.date, i);
  });
  return problems;
}

export function loadAnnouncedScheduleFile(file: string): AnnouncedSchedule {
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw invalid(file, [err instanceof Error ? err.message : String(err)]);
  }
  const parsed = AnnouncedScheduleSchema.safeParse(data);
  if (!parsed.success) throw invalid(file, describeIssues(parsed.error.issues));
  const problems = crossCheck(parsed.data);
  if (problems.length > 0) throw invalid(file, problems);
  return parsed.data;
}

/** Every `*.yaml` schedule in `dir`, validated, in file-name order. */
export function loadAnnouncedSchedules(dir: string = defaultCalendarDir()): AnnouncedSchedule[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    throw new AppError('FILE_NOT_FOUND', `The calendar data folder ${dir} cannot be read`, { cause: err });
  }
  const files = names.filter((name) => name.endsWith('.yaml')).sort();
  const byYear = new Map<number, string>();
  return files.map((name) => {
    const file = path.join(dir, name);
    const schedule = loadAnnouncedScheduleFile(file);
    const other = byYear.get(schedule.year);
    if (other !== undefined) throw invalid(file, [`year: ${schedule.year} is already described by ${other}`]);
    byYear.set(schedule.year, file);
    return schedule;
  });
}
