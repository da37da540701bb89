import type { Command } from 'commander';
import { loadAnnouncedSchedules } from '../../config/calendars';
import { loadPlanFile } from '../../config/plan-loader';
import { createWorkingCalendar } from '../../domain/calendar';
import { dayNumberFromParts } from '../../domain/local-date';
import { planCalendar } from '../../domain/plan/plan-calendar';
import { renderCalendarTable } from '../format/calendar-table';
import { choice, parseYear } from '../options';
import type { CliIo } from '../program';

export function registerCalendar(program: Command, io: CliIo): void {
  program
    .command('calendar')
    .description("print a year's days off and working weekend days (the public-service calendar)")
    .requiredOption('--year <year>', 'the year', parseYear)
    .option('--plan <plan.yaml>', "apply the plan's calendar overrides")
    .option('--format <format>', 'table or json', choice(['table', 'json'] as const), 'table')
    .action((options: { year: number; plan?: string; format: 'table' | 'json' }) => {
      const announced = loadAnnouncedSchedules();
      const calendar = options.plan
        ? planCalendar(loadPlanFile(options.plan), announced)
        : createWorkingCalendar({ announced });
      const year = calendar.describeYear(options.year);
      if (options.format === 'json') {
        io.stdout(`${JSON.stringify(year, null, 2)}\n`);
        return;
      }
      const first = dayNumberFromParts(options.year, 1, 1);
      const last = dayNumberFromParts(options.year, 12, 31);
      let workingDays = 0;
      for (let day = first; day <= last; day++) if (calendar.isWorkingDay(day)) workingDays++;
      io.stdout(renderCalendarTable(year, workingDays));
    });
}
