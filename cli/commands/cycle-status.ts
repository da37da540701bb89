import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Command } from 'commander';
import { AppError } from '../../domain/errors';
import { getCycleStatusQuery } from '../../workflows/cycle-messages';
import { getStatusQuery } from '../../workflows/unit-messages';
import {
  cycleFailure,
  cycleHandle,
  parseCycleTarget,
  parseId,
  unitHandle,
  withTemporal,
  type CycleTarget,
} from '../cycle-target';
import { cycleUnitIds } from '../cycle-units';
import { renderCycleStatusTable, type UnitRow } from '../format/cycle-status-table';
import { choice } from '../options';
import type { CliIo } from '../program';
import { temporalToAppError } from '../temporal-errors';

/** Unit queries in flight at once: enough to be quick, few enough not to flood the worker. */
const QUERY_CONCURRENCY = 16;
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
      await withTemporal(async (client) => {
        const fail = async (err: unknown): Promise<never> => {
          throw await cycleFailure(client, target, err);
        };
        const status = await cycleHandle(client, target).query(getCycleStatusQuery).catch(fail);
        const ids = await cycleUnitIds(client, target, status).catch(fail);
        if (options.unit !== undefined && !ids.includes(options.unit)) {
          throw new AppError(
            'CYCLE_NOT_FOUND',
            `cycle ${target.label}: unit ${options.unit} is not part of this cycle`,
          );
        }
        const rows = await queryUnits(client, target, options.unit !== undefined ? [options.unit] : ids);
        if (options.format === 'json') {
          const { aggregations, ...cycleFields } = status;
          const units = rows.flatMap((row) => (row.status ? [row.status] : []));
          const notStarted = rows.filter((row) => !row.status).map((row) => row.id);
          io.stdout(`${JSON.stringify({ cycle: cycleFields, units, aggregations, notStarted }, null, 2)}\n`);
        } else {
          io.stdout(renderCycleStatusTable(status, rows));
        }
      }, STATUS_TIMEOUT_MS);
    });
}

/** Each unit's status, in cycle order; a unit whose workflow is not started yet has none. */
async function queryUnits(client: Client, target: CycleTarget, ids: readonly string[]): Promise<UnitRow[]> {
  const rows: UnitRow[] = new Array<UnitRow>(ids.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < ids.length) {
      const index = next++;
      const id = ids[index] ?? '';
      try {
        rows[index] = { id, status: await unitHandle(client, target, id).query(getStatusQuery) };
      } catch (err) {
        if (!(err instanceof WorkflowNotFoundError)) throw temporalToAppError(err, `cycle ${target.label}, unit ${id}`);
        rows[index] = { id };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(QUERY_CONCURRENCY, ids.length) }, lane));
  return rows;
}
