import { Command, CommanderError } from 'commander';
import { AppError, isAppError } from '../domain/errors';
import { registerCalendar } from './commands/calendar';
import { registerCycle } from './commands/cycle';
import { registerExtend } from './commands/extend';
import { registerFakeZalo } from './commands/fake-zalo';
import { registerPlan } from './commands/plan';
import { registerReport } from './commands/report';
import { registerSchedule } from './commands/schedule';
import { registerSimulate } from './commands/simulate';
import { registerStart } from './commands/start';
import { registerStorage } from './commands/storage-sweep';
import { registerSubmit } from './commands/submit';
import { registerToken } from './commands/token';
import { registerUser } from './commands/user';
import { registerWaive } from './commands/waive';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

function buildProgram(io: CliIo): Command {
  const program = new Command('dondoc')
    .description('Reminds, escalates and aggregates the deadlines of a People’s Committee plan, on Temporal.')
    .option('--debug', 'print stack traces of unexpected errors')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run `dondoc --help` for the commands)')
    .exitOverride();
  registerPlan(program, io);
  registerCalendar(program, io);
  registerSimulate(program, io);
  registerStart(program);
  registerFakeZalo(program, io);
  registerCycle(program, io);
  registerSchedule(program, io);
  registerSubmit(program, io);
  registerExtend(program, io);
  registerWaive(program, io);
  registerReport(program, io);
  registerStorage(program, io);
  registerUser(program, io);
  registerToken(program, io);
  return program;
}

/** Runs the CLI and returns the process exit code: 0 success, 1 runtime failure, 2 bad input. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  if (argv.length === 0) {
    program.outputHelp();
    return 2;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (err) {
    return reportError(err, io, argv.includes('--debug'));
  }
}

function reportError(err: unknown, io: CliIo, debug: boolean): number {
  if (err instanceof CommanderError) {
    // Commander has already printed its message; help and version are successes.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0) return 0;
    return new AppError('USAGE', err.message).exitCode;
  }
  if (isAppError(err)) {
    io.stderr(`${err.message}\n`);
    if (debug && err.cause instanceof Error) io.stderr(`${err.cause.stack ?? ''}\n`);
    return err.exitCode;
  }
  io.stderr(`dondoc: unexpected error: ${err instanceof Error ? err.message : String(err)}\n`);
  if (debug && err instanceof Error) io.stderr(`${err.stack ?? ''}\n`);
  else io.stderr('(run again with --debug for the stack trace)\n');
  return 1;
}
