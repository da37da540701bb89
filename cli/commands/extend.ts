import type { Command } from 'commander';
import { formatLocalDate } from '../../domain/local-date';
import type { CycleTarget } from '../cycle-target';
import { renderExtension, subjectOf } from '../format/unit-command-output';
import { grantOptions, parseIsoDate } from '../options';
import type { CliIo } from '../program';
import { obligationCommand, withObligation } from '../unit-command';

interface ExtendOptions {
  to: string;
  reason: string;
  by?: string;
}

export function registerExtend(program: Command, io: CliIo): void {
  grantOptions(
    obligationCommand(
      program,
      'extend',
      'give a unit a new due date for an obligation; prints it and the next reminders (needs `dondoc start`)',
    ).requiredOption(
      '--to <date>',
      'the new due date YYYY-MM-DD (moved off non-working days as the plan says)',
      (text) => formatLocalDate(parseIsoDate(text)),
    ),
    'why (kept with the extension)',
  ).action(async (target: CycleTarget, unitId: string, obligationId: string, options: ExtendOptions) => {
    await withObligation(target, unitId, obligationId, async (core, obligation) => {
      const extended = await core.extend(obligation, {
        newDueDate: options.to,
        reason: options.reason,
        ...(options.by !== undefined && { by: options.by }),
      });
      io.stdout(renderExtension(subjectOf(extended), extended.obligation.dueDate, extended.result, Date.now()));
    });
  });
}
