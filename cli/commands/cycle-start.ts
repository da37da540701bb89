import path from 'node:path';
import type { Command } from 'commander';
import { createPlanStore, planSnapshotId, type PlanStore } from '../../storage/plan-store';
import { loadAnnouncedSchedules } from '../../config/calendars';
import { loadConfig } from '../../config/env';
import { cycleWorkflowId } from '../../domain/cycle/cycle-input';
import type { DayNumber } from '../../domain/local-date';
import { prepareCycle, startCycle, type PreparedCycle } from '../../workers/cycles';
import { withTemporal } from '../cycle-target';
import { dateWithWeekday } from '../format/vietnamese';
import { parseIsoDate, parseYear } from '../options';
import type { CliIo } from '../program';
import { temporalToAppError } from '../temporal-errors';

interface StartOptions {
  year: number;
  issuedOn?: DayNumber;
  dryRun?: boolean;
}

export function registerCycleStart(cycle: Command, io: CliIo): void {
  cycle
    .command('start')
    .description('validate and compile the plan, snapshot it, and start its cycle for one year')
    .argument('<plan.yaml>', 'the plan file')
    .requiredOption('--year <year>', 'the cycle year', parseYear)
    .option('--issued-on <date>', "the cycle's issue date YYYY-MM-DD (default: the plan's issuedOn)", parseIsoDate)
    .option('--dry-run', 'validate and compile, print what would start, and touch nothing')
    .action(async (file: string, options: StartOptions) => {
      const config = loadConfig();
      const prepared = await prepareCycle({
        planFile: file,
        year: options.year,
        ...(options.issuedOn !== undefined && { issuedOn: options.issuedOn }),
        plans: options.dryRun ? dryRunPlanStore() : createPlanStore(path.join(config.dataDir, 'plans')),
        announced: loadAnnouncedSchedules(),
        channels: { zns: true, oa: true },
      });
      if (options.dryRun) {
        io.stdout(`Chạy thử (--dry-run): sẽ khởi tạo chu kỳ ${cycleWorkflowId(prepared.input.cycle)}\n`);
        io.stdout(describe(prepared));
        io.stdout('Chưa khởi tạo, chưa lưu gì.\n');
        return;
      }
      const taskQueue = config.env.TEMPORAL_TASK_QUEUE;
      const label = `cycle ${prepared.input.cycle.planId}/${prepared.input.cycle.year}`;
      await withTemporal((client) =>
        startCycle(client, taskQueue, prepared.input).catch((err: unknown) => {
          throw temporalToAppError(err, label);
        }),
      );
      io.stdout(`Đã khởi tạo chu kỳ ${cycleWorkflowId(prepared.input.cycle)} (hàng đợi ${taskQueue})\n`);
      io.stdout(describe(prepared));
    });
}

function describe({ plan, schedule, input }: PreparedCycle): string {
  const dueDates = schedule.items.map((item) => item.dueDate).sort();
  const first = dueDates[0];
  const last = dueDates.at(-1);
  return [
    `  Kế hoạch: ${plan.title} [${plan.id}], năm ${schedule.year}, ban hành ${dateWithWeekday(schedule.issuedOn)}`,
    `  Đơn vị: ${input.unitIds.length} · nhiệm vụ: ${plan.obligations.length} · lượt phải nộp: ${schedule.items.length}`,
    `  Hạn đầu tiên: ${first ? dateWithWeekday(first) : '—'}`,
    `  Hạn cuối cùng: ${last ? dateWithWeekday(last) : '—'}`,
    `  Bản lưu kế hoạch: ${input.planSnapshot.slice(0, 12)}…`,
    '',
  ].join('\n');
}

/** Computes the snapshot id the real store would give, and stores nothing. */
function dryRunPlanStore(): PlanStore {
  return {
    save: async (text) => planSnapshotId(text),
    load: async (id) => {
      throw new Error(`dry run: plan snapshot ${id} was not stored`);
    },
  };
}
