import type { Command } from 'commander';
import type { Config } from '../config/env';
import type { CycleCore, ObligationTarget } from '../cycles';
import { withCore } from './cli-core';
import { parseCycleTarget, parseId, type CycleTarget } from './cycle-target';

/** `<name> <cycle> <unitId> <obligationId>`: the head shared by `submit`, `extend` and `waive`. */
export function obligationCommand(program: Command, name: string, description: string, unitHelp = 'the unit'): Command {
  return program
    .command(name)
    .description(description)
    .argument('<cycle>', 'the cycle, <planId>/<year>', parseCycleTarget)
    .argument('<unitId>', unitHelp, parseId)
    .argument('<obligationId>', 'the obligation', parseId);
}

/** Runs `fn` with the core and the obligation the command names (the core checks that it exists and is open). */
export function withObligation<T>(
  target: CycleTarget,
  unitId: string,
  obligationId: string,
  fn: (core: CycleCore, obligation: ObligationTarget, config: Config) => Promise<T>,
): Promise<T> {
  return withCore((core, config) =>
    fn(core, { planId: target.planId, year: target.year, unitId, obligationId }, config),
  );
}
