import type { Command } from 'commander';
import { loadConfig } from '../../config/env';
import { runService } from '../../workers/service';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('run the service: embedded Temporal dev server (unless TEMPORAL_ADDRESS is set) and the worker')
    .action(async () => {
      const config = loadConfig();
      await runService(config, { info: (line) => console.log(line) });
      // Everything it started is stopped; what a stop during start-up abandoned (a workflow bundle being built) must
      // not keep the process alive past the 10 s a stop may take.
      process.exit(0);
    });
}
