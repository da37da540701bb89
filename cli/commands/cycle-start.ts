import type { Command } from 'commander';
import { loadAnnouncedSchedules } from '../../config/calendars';
import { prepareCycle, type PreparedCycle } from '../../cycles';
import { cycleWorkflowId } from '../../domain/cycle/cycle-input';
import type { DayNumber } from '../../domain/local-date';
import { vnDayWithWeekday } from '../../domain/plan-time';
import { withCore } from '../cli-core';
import { planYearArguments } from '../options';
import type { CliIo } from '../program';

interface StartOptions {
  year: number;
  issuedOn?: DayNumber;
  dryRun?: boolean;
}

export function registerCycleStart(cycle: Command, io: CliIo): void {
  planYearArguments(
    cycle.command('start').description('validate and compile the plan, snapshot it, and start its cycle for one year'),
  )
    .option('--dry-run', 'validate and compile, print what would start, and touch nothing')
    .action(async (file: string, options: StartOptions) => {
      const prepareOptions = {
        planFile: file,
        year: options.year,
        ...(options.issuedOn !== undefined && { issuedOn: options.issuedOn }),
      };
      if (options.dryRun) {
        const prepared = await prepareCycle({ announced: loadAnnouncedSchedules() }, prepareOptions);
        io.stdout(`Chạy thử (--dry-run): sẽ khởi tạo chu kỳ ${cycleWorkflowId(prepared.input.cycle)}\n`);
        io.stdout(describe(prepared));
        io.stdout('Chưa khởi tạo, chưa lưu gì.\n');
        return;
      }
      await withCore(async (core, config) => {
        const prepared = await core.prepare(prepareOptions);
        const { workflowId } = await core.start(prepared);
        io.stdout(`Đã khởi tạo chu kỳ ${workflowId} (hàng đợi ${config.env.TEMPORAL_TASK_QUEUE})\n`);
        io.stdout(describe(prepared));
      });
    });
}

function describe({ plan, schedule, input }: PreparedCycle): string {
  const dueDates = schedule.items.map((item) => item.dueDate).sort();
  const first = dueDates[0];
  const last = dueDates.at(-1);
  return [
    `  Kế hoạch: ${plan.title} [${plan.id}], năm ${schedule.year}, ban hành ${vnDayWithWeekday(schedule.issuedOn)}`,
    `  Đơn vị: ${input.unitIds.length} · nhiệm vụ: ${plan.obligations.length} · lượt phải nộp: ${schedule.items.length}`,
    `  Hạn đầu tiên: ${first ? vnDayWithWeekday(first) : '—'}`,
    `  Hạn cuối cùng: ${last ? vnDayWithWeekday(last) : '—'}`,
    `  Bản lưu kế hoạch: ${input.planSnapshot.slice(0, 12)}…`,
    '',
  ].join('\n');
}
