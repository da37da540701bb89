import type { Command } from 'commander';
import { loadAnnouncedSchedules } from '../../config/calendars';
import { prepareCycle, previewCycleStart, type PreparedCycle } from '../../cycles';
import { cycleWorkflowId } from '../../domain/cycle/cycle-input';
import type { CatchUpMode } from '../../domain/dispatch/due-items';
import { leadershipMessages, type StartPreview } from '../../domain/dispatch/start-preview';
import { AppError } from '../../domain/errors';
import type { DayNumber } from '../../domain/local-date';
import { vnDayWithWeekday } from '../../domain/plan-time';
import { withCore } from '../cli-core';
import { canAsk, confirm } from '../confirm';
import { renderStartPreview } from '../format/start-preview-table';
import { choice, planYearArguments } from '../options';
import type { CliIo } from '../program';

interface StartOptions {
  year: number;
  issuedOn?: DayNumber;
  dryRun?: boolean;
  yes?: boolean;
  catchUp: CatchUpMode;
}

export function registerCycleStart(cycle: Command, io: CliIo): void {
  planYearArguments(
    cycle.command('start').description('validate and compile the plan, snapshot it, and start its cycle for one year'),
  )
    .option(
      '--catch-up <mode>',
      'what a late start sends about the past: summary (one message per person) or none (start quietly from now)',
      choice(['summary', 'none'] as const),
      'summary',
    )
    .option('--yes', 'send what the start sends to the leadership without asking')
    .option('--dry-run', 'validate and compile, print what would start and be sent, and touch nothing')
    .action(async (file: string, options: StartOptions) => {
      const prepareOptions = {
        planFile: file,
        year: options.year,
        ...(options.issuedOn !== undefined && { issuedOn: options.issuedOn }),
        catchUp: options.catchUp,
      };
      const announced = loadAnnouncedSchedules();
      const preview = (prepared: PreparedCycle): StartPreview =>
        previewCycleStart(prepared, announced, { catchUp: options.catchUp, atMs: Date.now() });
      const planned = await prepareCycle({ announced }, prepareOptions);
      if (options.dryRun) {
        io.stdout(`Chạy thử (--dry-run): sẽ khởi tạo chu kỳ ${cycleWorkflowId(planned.input.cycle)}\n`);
        io.stdout(describe(planned));
        io.stdout(renderStartPreview(preview(planned), planned.input.supervisor.name));
        io.stdout('Chưa khởi tạo, chưa lưu, chưa gửi gì.\n');
        return;
      }
      const first = preview(planned);
      io.stdout(renderStartPreview(first, planned.input.supervisor.name));
      if (!options.yes && !(await leadershipAgrees(first))) {
        io.stdout('Đã hủy: chưa khởi tạo, chưa gửi gì.\n');
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

/** Messages to the leadership go out only when someone at the terminal says so (or the command says --yes). */
async function leadershipAgrees(preview: StartPreview): Promise<boolean> {
  const count = leadershipMessages(preview);
  if (count === 0) return true;
  if (!canAsk()) {
    throw new AppError(
      'USAGE',
      `cycle start would send ${count} message(s) to the leadership at once and standard input is not a terminal ` +
        'to confirm: add --yes to send them (or --catch-up none to start quietly); nothing was started',
    );
  }
  return confirm(`Gửi ngay ${count} tin cho lãnh đạo? [y/N] `);
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
