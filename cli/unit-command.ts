import type { Client, WorkflowHandle } from '@temporalio/client';
import type { Command } from 'commander';
import type { Config } from '../config/env';
import type { ObligationStatus, UnitStatus } from '../domain/cycle/unit-status';
import { AppError } from '../domain/errors';
import type { unitWorkflow } from '../workflows/unit-workflow';
import {
  parseCycleTarget,
  parseId,
  requireObligation,
  unitHandle,
  withTemporal,
  type CycleTarget,
} from './cycle-target';
import type { Subject } from './format/unit-command-output';
import { temporalToAppError } from './temporal-errors';

/** `<name> <cycle> <unitId> <obligationId>`: the head shared by `submit`, `extend` and `waive`. */
export function obligationCommand(program: Command, name: string, description: string, unitHelp = 'the unit'): Command {
  return program
    .command(name)
    .description(description)
    .argument('<cycle>', 'the cycle, <planId>/<year>', parseCycleTarget)
    .argument('<unitId>', unitHelp, parseId)
    .argument('<obligationId>', 'the obligation', parseId);
}

/** What `submit`, `extend` and `waive` act on once the unit and the obligation are known to exist and be open. */
export interface ObligationContext {
  client: Client;
  config: Config;
  unit: UnitStatus;
  obligation: ObligationStatus;
  handle: WorkflowHandle<typeof unitWorkflow>;
  /** The unit's name and the obligation's title, as the printed confirmation names them. */
  subject: Subject;
}

/**
 * Checks that the unit and obligation exist (an unknown one exits 2 naming it) and that the unit's workflow is
 * still open, then runs `fn`; a refused Update becomes UPDATE_REJECTED with the workflow's message.
 */
export async function withObligation<T>(
  target: CycleTarget,
  unitId: string,
  obligationId: string,
  fn: (context: ObligationContext) => Promise<T>,
): Promise<T> {
  return withTemporal(async (client, config) => {
    const { unit, obligation } = await requireObligation(client, target, unitId, obligationId);
    if (unit.closed) {
      throw new AppError(
        'UPDATE_REJECTED',
        `cycle ${target.label}: unit ${unitId} is closed (the cycle was closed, or the unit removed from it): ` +
          'it accepts nothing more',
      );
    }
    const handle = unitHandle(client, target, unitId);
    try {
      const subject = { unitName: unit.unit.name, obligationTitle: obligation.title };
      return await fn({ client, config, unit, obligation, handle, subject });
    } catch (err) {
      throw temporalToAppError(err, `cycle ${target.label}, unit ${unitId}, obligation ${obligationId}`);
    }
  });
}
