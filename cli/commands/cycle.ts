import type { Command } from 'commander';
import type { CliIo } from '../program';
import { registerCycleAmend } from './cycle-amend';
import { registerCycleClose } from './cycle-close';
import { registerCycleSchedule } from './cycle-schedule';
import { registerCycleStart } from './cycle-start';
import { registerCycleStatus } from './cycle-status';

/** `dondoc cycle start|status|close|amend|schedule`: operate one plan-year on a running service (`dondoc start`). */
export function registerCycle(program: Command, io: CliIo): void {
  const cycle = program
    .command('cycle')
    .description('start, follow, amend and close the yearly cycle of a plan (needs `dondoc start` running)');
  registerCycleStart(cycle, io);
  registerCycleStatus(cycle, io);
  registerCycleAmend(cycle, io);
  registerCycleClose(cycle, io);
  registerCycleSchedule(cycle, io);
}
