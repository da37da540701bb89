import type { Command } from 'commander';
import { AppError } from '../../domain/errors';
import { withCore } from '../cli-core';
import { parseCycleTarget, parseId, type CycleTarget } from '../cycle-target';
import { renderCycleStatusTable, type UnitRow } from '../format/cycle-status-table';
import { choice } from '../options';
import type { CliIo } from '../program';

/** A status of thousands of units takes a while; each query still has to answer. */
const STATUS_TIMEOUT_MS = 120_000;

interface StatusOptions {
  format: 'table' | 'json';
  unit?: string;
}

export function registerCycleStatus(cycle: Command, io: CliIo): void {
  cycle
    .command('status')
    .description('print every unit × obligation of a cycle: due date, state, submission; and the aggregations')
    .argument('<cycle>', 'the cycle, <planId>/<year>', parseCycleTarget)
    .option('--format <format>', 'table or json', choice(['table', 'json'] as const), 'table')
    .option('--unit <id>', 'only this unit', parseId)
    .action(async (target: CycleTarget, options: StatusOptions) => {
      const { status, rows } = await withCore(async (core) => {
        const status = await core.cycleStatus(target);
        if (options.unit !== undefined && !status.unitIds.includes(options.unit)) {
          throw new AppError(
            'CYCLE_NOT_FOUND',
            `cycle ${target.label}: unit ${options.unit} is not part of this cycle`,
          );
        }
        const ids = options.unit !== undefined ? [options.unit] : status.unitIds;
        const statuses = await core.unitStatuses(target, ids);
        // In cycle order; a unit whose workflow is not started yet has no status.
        const rows: UnitRow[] = ids.map((id) => {
          const unit = statuses.get(id);
          return unit ? { id, status: unit } : { id };
        });
        return { status, rows };
      }, STATUS_TIMEOUT_MS);
      if (options.format === 'json') {
        const { aggregations, ...cycleFields } = status;
        const units = rows.flatMap((row) => (row.status ? [row.status] : []));
        const notStarted = rows.filter((row) => !row.status).map((row) => row.id);
        io.stdout(`${JSON.stringify({ cycle: cycleFields, units, aggregations, notStarted }, null, 2)}\n`);
      } else {
        io.stdout(renderCycleStatusTable(status, rows));
      }
    });
}
