import type { Command } from 'commander';
import { AppError } from '../../domain/errors';
import { waiveUpdate } from '../../workflows/unit-messages';
import { parseCycleTarget, parseId, type CycleTarget } from '../cycle-target';
import { renderWaiver } from '../format/unit-command-output';
import type { CliIo } from '../program';
import { withObligation } from '../unit-command';

interface WaiveOptions {
  reason: string;
  by?: string;
}

export function registerWaive(program: Command, io: CliIo): void {
  program
    .command('waive')
    .description('exempt a unit from an obligation: nothing more is sent about it (needs `dondoc start`)')
    .argument('<cycle>', 'the cycle, <planId>/<year>', parseCycleTarget)
    .argument('<unitId>', 'the unit', parseId)
    .argument('<obligationId>', 'the obligation', parseId)
    .requiredOption('--reason <text>', 'why (kept with the waiver)')
    .option('--by <name>', 'who grants it')
    .action(async (target: CycleTarget, unitId: string, obligationId: string, options: WaiveOptions) => {
      if (!options.reason.trim()) throw new AppError('USAGE', '--reason must not be empty');
      await withObligation(target, unitId, obligationId, async ({ unit, obligation, handle }) => {
        const waived = await handle.executeUpdate(waiveUpdate, {
          args: [{ obligationId, reason: options.reason, ...(options.by !== undefined && { by: options.by }) }],
        });
        const subject = { unitName: unit.unit.name, obligationTitle: obligation.title };
        io.stdout(renderWaiver(subject, waived.waivedAt, options.reason.trim()));
      });
    });
}
