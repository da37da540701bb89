import type { Command } from 'commander';
import type { ScheduleRun, ScheduleView } from '../../cycles';
import { describeYearlyRule } from '../../domain/cycle/yearly-schedule';
import { toPlanIso, vnDateTime } from '../../domain/plan-time';
import { withCore } from '../cli-core';
import { renderTable } from '../format/text-table';
import { choice } from '../options';
import type { CliIo } from '../program';

/** `dondoc schedule list|pause|unpause|delete|trigger`: the yearly schedules `dondoc cycle schedule` creates. */
export function registerSchedule(program: Command, io: CliIo): void {
  const schedule = program
    .command('schedule')
    .description('list, pause, unpause, delete or trigger the yearly cycle schedules (needs Temporal)');

  schedule
    .command('list')
    .description('every yearly schedule: plan, date rule, paused, next run and the last run with its result')
    .option('--format <format>', 'table or json', choice(['table', 'json'] as const), 'table')
    .action(async (options: { format: string }) => {
      const views = await withCore((core) => core.listSchedules());
      if (options.format === 'json') {
        io.stdout(`${JSON.stringify(views, null, 2)}\n`);
        return;
      }
      if (views.length === 0) {
        io.stdout('Chưa có lịch nào (tạo bằng `dondoc cycle schedule <plan.yaml> --every-year-on MM-DD`).\n');
        return;
      }
      const rows = views.map((view) => [
        view.scheduleId,
        `${view.planId} (${view.planFile})`,
        describeYearlyRule(view.rule),
        view.paused ? 'tạm dừng' : 'đang chạy',
        view.nextRuns[0] && !view.paused ? planTime(view.nextRuns[0]) : '—',
        lastRun(view),
      ]);
      io.stdout(
        `${renderTable(['lịch', 'kế hoạch', 'quy tắc', 'trạng thái', 'lần chạy tới', 'lần chạy gần nhất'], rows)}\n`,
      );
    });

  const act = (name: string, description: string, run: (id: string) => Promise<string>, done: string) =>
    schedule
      .command(name)
      .description(description)
      .argument('<id>', 'the schedule id (dondoc-yearly/<planId>) or the plan id')
      .action(async (id: string) => {
        io.stdout(`${done} ${await run(id)}\n`);
      });

  act(
    'pause',
    'pause a schedule: it starts nothing until unpaused',
    (id) => withCore((core) => core.pauseSchedule(id)),
    'Đã tạm dừng lịch',
  );
  act('unpause', 'resume a paused schedule', (id) => withCore((core) => core.unpauseSchedule(id)), 'Đã tiếp tục lịch');
  act(
    'delete',
    'delete a schedule (the cycles it started keep running)',
    (id) => withCore((core) => core.deleteSchedule(id)),
    'Đã xóa lịch',
  );
  act(
    'trigger',
    "run a schedule now: read the plan file and start this year's cycle (see `schedule list` for the result)",
    (id) => withCore((core) => core.triggerSchedule(id)),
    'Đã chạy ngay lịch',
  );
}

/** `30/11/2026 07:00`, in plan time. */
function planTime(iso: string): string {
  return vnDateTime(toPlanIso(Date.parse(iso)));
}

function lastRun(view: ScheduleView): string {
  const run = view.runs.at(-1);
  return run ? `${planTime(run.takenAt)} ${runResult(run)}` : '—';
}

export function runResult(run: ScheduleRun): string {
  const { result } = run;
  switch (result.state) {
    case 'running':
      return 'đang chạy';
    case 'started':
      return `đã khởi tạo ${result.cycle}`;
    case 'exists':
      return `${result.cycle} đã có từ trước`;
    case 'failed':
      return `LỖI ${result.code}: ${result.message}`;
    case 'unknown':
      return `không rõ (${result.status})`;
  }
}
