import { InvalidArgumentError, type Command } from 'commander';
import { withCore } from '../cli-core';
import { parseCycleTarget, parseId, type CycleTarget } from '../cycle-target';
import type { CliIo } from '../program';

/** Removing units closes their workflows first. */
const AMEND_TIMEOUT_MS = 120_000;

interface AmendOptions {
  plan?: string;
  add?: string[];
  remove?: string[];
}

export function registerCycleAmend(cycle: Command, io: CliIo): void {
  cycle
    .command('amend')
    .description('change a running cycle: a new version of the plan, units added or removed')
    .argument('<cycle>', 'the cycle, <planId>/<year>', parseCycleTarget)
    .option('--plan <plan.yaml>', 'the edited plan file; new units are started from it')
    .option('--add <units>', 'unit ids to add, comma-separated (they must be in --plan)', parseIdList)
    .option('--remove <units>', 'unit ids to remove, comma-separated (their workflows are closed)', parseIdList)
    .action(async (target: CycleTarget, options: AmendOptions) => {
      const { status, amend } = await withCore(
        (core) =>
          core.amend(target, {
            ...(options.plan && { planFile: options.plan }),
            ...(options.add && { add: options.add }),
            ...(options.remove && { remove: options.remove }),
          }),
        AMEND_TIMEOUT_MS,
      );
      const changes = [
        ...(amend.add ? [`thêm ${amend.add.join(', ')}`] : []),
        ...(amend.remove ? [`bớt ${amend.remove.join(', ')}`] : []),
        ...(amend.planSnapshot ? [`áp dụng bản kế hoạch mới (${amend.planSnapshot.slice(0, 12)})`] : []),
      ];
      io.stdout(`Đã điều chỉnh chu kỳ ${target.label}: ${changes.join('; ')}. Nay có ${status.units} đơn vị.\n`);
    });
}

function parseIdList(text: string, previous: string[] | undefined): string[] {
  const ids = text
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
  if (ids.length === 0) throw new InvalidArgumentError('must list unit ids, comma-separated');
  for (const id of ids) parseId(id);
  return [...new Set([...(previous ?? []), ...ids])];
}
