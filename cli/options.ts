import { InvalidArgumentError, type Command } from 'commander';
import { parseLocalDate, type DayNumber } from '../domain/local-date';

export function parseYear(text: string): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 1900 || year > 2100) {
    throw new InvalidArgumentError('must be a year between 1900 and 2100');
  }
  return year;
}

export function parseIsoDate(text: string): DayNumber {
  const day = parseLocalDate(text);
  if (day === undefined) throw new InvalidArgumentError('must be a date YYYY-MM-DD, e.g. 2022-04-20');
  return day;
}

export function choice<T extends string>(allowed: readonly T[]): (text: string) => T {
  return (text) => {
    if ((allowed as readonly string[]).includes(text)) return text as T;
    throw new InvalidArgumentError(`must be one of ${allowed.join(', ')}`);
  };
}

/** `<plan.yaml> --year <year> [--issued-on <date>]`: the plan-year that `plan schedule`, `cycle start` and `simulate` take. */
export function planYearArguments(command: Command, yearHelp = 'the cycle year'): Command {
  return command
    .argument('<plan.yaml>', 'the plan file')
    .requiredOption('--year <year>', yearHelp, parseYear)
    .option('--issued-on <date>', "the cycle's issue date YYYY-MM-DD (default: the plan's issuedOn)", parseIsoDate);
}

/** `--reason <text> [--by <name>]` of an extension or a waiver; an empty reason is refused. */
export function grantOptions(command: Command, reasonHelp: string): Command {
  return command
    .requiredOption('--reason <text>', reasonHelp, (text: string) => {
      if (!text.trim()) throw new InvalidArgumentError('must not be empty');
      return text;
    })
    .option('--by <name>', 'who grants it');
}
