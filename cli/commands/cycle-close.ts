import type { Command } from 'commander';
import { vnDateTime } from '../../domain/plan-time';
import type { CycleStatus } from '../../workflows/cycle-messages';
import { withCore } from '../cli-core';
import { parseCycleTarget, type CycleTarget } from '../cycle-target';
import type { CliIo } from '../program';

/** Closing signals every unit workflow: give it time. */
const CLOSE_TIMEOUT_MS = 120_000;

export function registerCycleClose(cycle: Command, io: CliIo): void {
  cycle
    .command('close')
    .description('close a cycle: every unit workflow stops, nothing more is sent')
    .argument('<cycle>', 'the cycle, <planId>/<year>', parseCycleTarget)
    .action(async (target: CycleTarget) => {
      const { status, already } = await withCore((core) => core.close(target), CLOSE_TIMEOUT_MS);
      io.stdout(renderClosed(status, already));
    });
}

function renderClosed(status: CycleStatus, already: boolean): string {
  const lines = [
    `${already ? 'Chu kỳ' : 'Đã đóng chu kỳ'} ${status.planId}/${status.year}${already ? ' đã đóng từ trước' : ''}: ` +
      `${status.units} đơn vị, ${status.digestsSent.length} bản tổng hợp tuần đã gửi; không gửi gì thêm.`,
  ];
  const latest = new Map(status.aggregations.map((a) => [a.obligationId, a]));
  if (latest.size === 0) lines.push('Chưa có lần tổng hợp báo cáo nào.');
  for (const a of latest.values()) {
    lines.push(
      `  ${a.obligationId} (tổng hợp lúc ${vnDateTime(a.at)}): ${a.onTime} đúng hạn, ${a.late} trễ, ` +
        `${a.missing} chưa nộp, ${a.waived} được miễn`,
    );
  }
  return `${lines.join('\n')}\n`;
}
