import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export interface ScenarioAction {
  unit: string;
  obligation: string;
  /** ISO 8601 with offset. */
  at: string;
}

/** What the oracle needs of a scenario file (CONTRACTS §5), read straight from its YAML (not through simulate/). */
export interface ScenarioFile {
  submissions: ScenarioAction[];
  extensions: (ScenarioAction & { newDueDate: string })[];
  waivers: ScenarioAction[];
}

export function readScenarioFile(file: string): ScenarioFile {
  const raw = parse(readFileSync(file, 'utf8')) as Partial<ScenarioFile>;
  return { submissions: raw.submissions ?? [], extensions: raw.extensions ?? [], waivers: raw.waivers ?? [] };
}
