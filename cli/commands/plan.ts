import type { Command } from 'commander';
import { loadAnnouncedSchedules } from '../../config/calendars';
import { loadPlanFile } from '../../config/plan-loader';
import { AppError } from '../../domain/errors';
import { formatLocalDate, type DayNumber } from '../../domain/local-date';
import { planCalendar } from '../../domain/plan/plan-calendar';
import { compileSchedule } from '../../domain/schedule/compile-schedule';
import { resolveCycle } from '../../domain/schedule/cycle';
import { renderScheduleIcs } from '../format/schedule-ics';
import { renderScheduleTable } from '../format/schedule-table';
import { choice, planYearArguments } from '../options';
import type { CliIo } from '../program';
import { registerPlanDraft } from './plan-draft';

const UNIT_KIND_NAMES = { department: 'phòng ban', 'public-service-unit': 'đơn vị sự nghiệp', commune: 'xã' } as const;

export function registerPlan(program: Command, io: CliIo): void {
  const plan = program.command('plan').description('validate a plan file and preview its schedule');

  plan
    .command('validate')
    .description('check a plan file; print a one-line summary, or every problem with its path and line')
    .argument('<plan.yaml>', 'the plan file')
    .action((file: string) => {
      const parsed = loadPlanFile(file);
      const kinds = Object.entries(UNIT_KIND_NAMES)
        .map(([kind, name]) => `${parsed.units.filter((unit) => unit.kind === kind).length} ${name}`)
        .join(', ');
      io.stdout(
        `${file}: hợp lệ — ${parsed.id}: ${parsed.units.length} đơn vị (${kinds}), ` +
          `${parsed.obligations.length} nhiệm vụ, ${Object.keys(parsed.forms).length} biểu mẫu\n`,
      );
    });

  planYearArguments(
    plan
      .command('schedule')
      .description('print every due date, reminder, escalation and aggregation of one yearly cycle'),
  )
    .option('--format <format>', 'table, json or ics', choice(['table', 'json', 'ics'] as const), 'table')
    .action((file: string, options: { year: number; issuedOn?: DayNumber; format: 'table' | 'json' | 'ics' }) => {
      const parsed = loadPlanFile(file);
      const cycle = resolveCycle(parsed, options.year, options.issuedOn);
      if (typeof cycle === 'string') {
        throw new AppError('USAGE', `--issued-on ${formatLocalDate(options.issuedOn ?? 0)}: ${cycle}`);
      }
      const schedule = compileSchedule(parsed, cycle, planCalendar(parsed, loadAnnouncedSchedules()));
      if (options.format === 'json') io.stdout(`${JSON.stringify(schedule, null, 2)}\n`);
      else if (options.format === 'ics') io.stdout(renderScheduleIcs(parsed, schedule));
      else io.stdout(renderScheduleTable(parsed, schedule));
    });

  registerPlanDraft(plan, io);
}
