import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** CONTRACTS §1 names 08:00 as the default time of reminders; levels and aggregations take the same default. */
const DEFAULT_TIME = '08:00';

export interface Ladder {
  reminders: { workingDaysBefore: number[]; at: string };
  escalation: { workingDaysAfter: number; notify: string[]; at: string }[];
  repeatEveryWorkingDays: number;
}

export interface PlanObligation {
  id: string;
  /** Unit ids, from `appliesTo`. */
  units: string[];
  due: { date: string } | { daysAfterIssue: number };
  ladder: Ladder;
  aggregate?: { workingDaysAfterDue: number; at: string };
}

/** What the oracle needs of a plan file, read straight from its YAML (not through config/ or domain/). */
export interface PlanFile {
  id: string;
  /** `MM-DD` in the cycle year. */
  issuedOn: string;
  supervisor: string;
  leadershipEmails: string[];
  /** Unit id → head and contacts' email addresses ("unit = head + contacts", CONTRACTS §1). */
  unitEmails: Map<string, string[]>;
  obligations: PlanObligation[];
}

interface Person {
  email?: string;
}
interface RawLadder {
  reminders?: { workingDaysBefore: number[]; at?: string };
  escalation?: { workingDaysAfter: number; notify: string[]; at?: string }[];
  repeatEveryWorkingDays?: number;
}
interface RawPlan {
  id: string;
  issuedOn: string;
  timezone?: string;
  supervisor: string;
  leadership?: Person[];
  calendar?: { overrides?: unknown[] };
  units: { id: string; kind: string; head: Person; contacts?: Person[] }[];
  defaults: RawLadder;
  obligations: (RawLadder & {
    id: string;
    appliesTo: { kinds?: string[]; units?: string[]; exclude?: string[] };
    due: { date: string } | { daysAfterIssue: number };
    ifNonWorkingDay?: string;
    aggregate?: { workingDaysAfterDue: number; at?: string };
  })[];
}

/**
 * Reads the plan features the seed plan uses and refuses the others (calendar overrides, `previous`/`keep`, other
 * zones), so that the oracle stays small and never silently mis-models a plan.
 */
export function readPlanFile(file: string): PlanFile {
  const raw = parse(readFileSync(file, 'utf8')) as RawPlan;
  const unsupported = (what: string): never => {
    throw new Error(`the test oracle does not model ${what} (${file})`);
  };
  if ((raw.timezone ?? 'Asia/Ho_Chi_Minh') !== 'Asia/Ho_Chi_Minh') unsupported(`timezone ${raw.timezone}`);
  if (raw.calendar?.overrides?.length) unsupported('calendar overrides');
  const emails = (people: Person[]): string[] => people.flatMap((p) => (p.email ? [p.email] : []));
  const ladder = (own: RawLadder): Ladder => {
    const reminders = own.reminders ?? raw.defaults.reminders;
    const escalation = own.escalation ?? raw.defaults.escalation;
    const repeat = own.repeatEveryWorkingDays ?? raw.defaults.repeatEveryWorkingDays;
    if (!reminders || !escalation || repeat === undefined) return unsupported('plans without explicit defaults');
    return {
      reminders: { workingDaysBefore: reminders.workingDaysBefore, at: reminders.at ?? DEFAULT_TIME },
      escalation: escalation.map((level) => ({ ...level, at: level.at ?? DEFAULT_TIME })),
      repeatEveryWorkingDays: repeat,
    };
  };
  return {
    id: raw.id,
    issuedOn: raw.issuedOn,
    supervisor: raw.supervisor,
    leadershipEmails: emails(raw.leadership ?? []),
    unitEmails: new Map(raw.units.map((u) => [u.id, emails([u.head, ...(u.contacts ?? [])])])),
    obligations: raw.obligations.map((o) => {
      if ((o.ifNonWorkingDay ?? 'next') !== 'next') unsupported(`ifNonWorkingDay: ${o.ifNonWorkingDay}`);
      const { kinds = [], units = [], exclude = [] } = o.appliesTo;
      return {
        id: o.id,
        units: raw.units
          .filter((u) => (kinds.includes(u.kind) || units.includes(u.id)) && !exclude.includes(u.id))
          .map((u) => u.id),
        due: o.due,
        ladder: ladder(o),
        ...(o.aggregate && { aggregate: { ...o.aggregate, at: o.aggregate.at ?? DEFAULT_TIME } }),
      };
    }),
  };
}
