import type { Command } from 'commander';
import type { CycleTarget } from '../cycle-target';
import { renderWaiver, subjectOf } from '../format/unit-command-output';
import { grantOptions } from '../options';
import type { CliIo } from '../program';
import { obligationCommand, withObligation } from '../unit-command';

interface WaiveOptions {
  reason: string;
  by?: string;
}

export function registerWaive(program: Command, io: CliIo): void {
  grantOptions(
    obligationCommand(
      program,
      'waive',
      'exempt a unit from an obligation: nothing more is sent about it (needs `dondoc start`)',
    ),
    'why (kept with the waiver)',
  ).action(async (target: CycleTarget, unitId: string, obligationId: string, options: WaiveOptions) => {
    await withObligation(target, unitId, obligationId, async (core, obligation) => {
      const waived = await core.waive(obligation, {
        reason: options.reason,
        ...(options.by !== undefined && { by: options.by }),
      });
      io.stdout(renderWaiver(subjectOf(waived), waived.result.waivedAt, options.reason.trim()));
    });
  });
}
