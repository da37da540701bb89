import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { createPlanStore } from '../../storage/plan-store';
import { loadConfig } from '../../config/env';
import { parsePlanText } from '../../config/plan-loader';
import { AppError } from '../../domain/errors';
import { unitsOfObligation } from '../../domain/plan/units-of-obligation';
import { amendUpdate, type AmendInput } from '../../workflows/cycle-messages';
import { cycleFailure, cycleHandle, parseCycleTarget, parseId, withTemporal, type CycleTarget } from '../cycle-target';
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
      if (!options.plan && !options.add && !options.remove) {
        throw new AppError('USAGE', 'cycle amend: nothing to change; give --plan, --add or --remove');
      }
      if (options.add && !options.plan) {
        throw new AppError('USAGE', '--add needs --plan <plan.yaml>: the edited plan that lists the new units');
      }
      const amend: AmendInput = {
        ...(options.plan && { planSnapshot: await snapshotPlan(options.plan, target, options.add ?? []) }),
        ...(options.add && { add: options.add }),
        ...(options.remove && { remove: options.remove }),
      };
      const status = await withTemporal(
        (client) =>
          cycleHandle(client, target)
            .executeUpdate(amendUpdate, { args: [amend] })
            .catch(async (err: unknown) => {
              throw await cycleFailure(client, target, err);
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

/** Validates the edited plan against the cycle and the added units, then stores it; returns its snapshot id. */
async function snapshotPlan(file: string, target: CycleTarget, added: readonly string[]): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new AppError('FILE_NOT_FOUND', `--plan ${file}: no such file`);
  });
  const plan = parsePlanText(text, file);
  if (plan.id !== target.planId) {
    throw new AppError('USAGE', `--plan ${file}: its id is ${plan.id}, but the cycle is ${target.label}`);
  }
  for (const id of added) {
    if (!plan.units.some((unit) => unit.id === id)) {
      throw new AppError('USAGE', `--add ${id}: ${file} has no unit ${id}`);
    }
    const obligations = plan.obligations.filter((o) => unitsOfObligation(plan, o).some((unit) => unit.id === id));
    if (obligations.length === 0) {
      throw new AppError('USAGE', `--add ${id}: no obligation of ${file} applies to this unit`);
    }
  }
  const config = loadConfig();
  return createPlanStore(path.join(config.dataDir, 'plans')).save(text);
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
