import { InvalidArgumentError } from 'commander';
import { parseYear } from './options';

/** `<planId>/<year>` on the command line: the cycle workflow `dondoc/<planId>/<year>`. */
export interface CycleTarget {
  planId: string;
  year: number;
  /** `planId/year`, for messages. */
  label: string;
}

const ID = /^[a-z0-9-]+$/;

export function parseCycleTarget(text: string): CycleTarget {
  const match = /^([^/]+)\/([^/]+)$/.exec(text.trim());
  if (!match || !ID.test(match[1] ?? '')) {
    throw new InvalidArgumentError('must be <planId>/<year>, e.g. dvcq-ia-pa/2031');
  }
  const planId = match[1] ?? '';
  const year = parseYear(match[2] ?? '');
  return { planId, year, label: `${planId}/${year}` };
}

/** A unit or obligation id of the plan: `[a-z0-9-]+`. */
export function parseId(text: string): string {
  if (!ID.test(text)) throw new InvalidArgumentError('must be an id of the plan: lower-case letters, digits and -');
  return text;
}
