import type { Command } from 'commander';
import { AppError } from '../../domain/errors';
import type { CycleTarget } from '../cycle-target';
import { renderWaiver, subjectOf } from '../format/unit-command-output';
import type { CliIo } from '../program';
import { obligationCommand, withObligation } from '../unit-command';

interface WaiveOptions {
  reason: string;
  by?: string;
}

export function registerWaive(program: Command, io: CliIo): void {
  obligationCommand(
    program,
    'waive',
    'exempt a unit from an obligation: nothing more is sent about it (needs `dondoc start`)',
  )
    .requiredOption('--reason <text>', 'why (kept with the waiver)')
    .option('--by <name>', 'who grants it')
    .action(async (target: CycleTarget, unitId: string, obligationId: string, options: WaiveOptions) => {
      if (!options.reason.trim()) throw new AppError('USAGE', '--reason must not be empty');
      await withObligation(target, unitId, obligationId, async (core, obligation) => {
        const waived = await core.waive(obligation, {
          reason: options.reason,
          ...(options.by !== undefined && { by: options.by }),
        });
        io.stdout(renderWaiver(subjectOf(waived), waived.result.waivedAt, options.reason.trim()));
      });
    });
}
