import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { describeYearlyRule, parseEveryYearOn, YEARLY_SCHEDULE_TIME } from '../../domain/cycle/yearly-schedule';
import type { MonthDay } from '../../domain/local-date';
import { toPlanIso, vnDateTime } from '../../domain/plan-time';
import { withCore } from '../cli-core';
import type { CliIo } from '../program';

function everyYearOn(text: string): MonthDay {
  const parsed = parseEveryYearOn(text);
  if (typeof parsed === 'string') throw new InvalidArgumentError(parsed);
  return parsed;
}

/** `dondoc cycle schedule <plan.yaml> --every-year-on MM-DD`: a Temporal Schedule that starts each year's cycle. */
export function registerCycleSchedule(cycle: Command, io: CliIo): void {
  cycle
    .command('schedule')
    .description(
      'validate the plan, then start its cycle every year on a day (07:00 plan time) from the file as it is that day',
    )
    .argument('<plan.yaml>', 'the plan file (its absolute path is kept: the worker host must see the same path)')
    .requiredOption('--every-year-on <MM-DD>', 'the day of the year the cycle starts, e.g. 01-05', everyYearOn)
    .action(async (file: string, options: { everyYearOn: MonthDay }) => {
      await withCore(async (core) => {
        const created = await core.createSchedule({ planFile: file, everyYearOn: options.everyYearOn });
        const next = created.nextRuns[0];
        io.stdout(
          `Đã tạo lịch ${created.scheduleId}: ${describeYearlyRule({ ...options.everyYearOn, ...YEARLY_SCHEDULE_TIME })}\n`,
        );
        io.stdout(`  Tệp kế hoạch: ${created.planFile}\n`);
        io.stdout(`  Lần chạy tới: ${next ? vnDateTime(toPlanIso(Date.parse(next))) : '—'}\n`);
      });
    });
}
