import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../config/env';
import type { DeliveredNotification } from '../../simulate/notification-log';
import type { Outcome } from '../../simulate/outcomes';
import { runSimulation, type SimulationResult } from '../../simulate/run-simulation';

export interface SimulationOutput {
  out: string;
  result: SimulationResult;
  outcomes: Outcome[];
  notifications: DeliveredNotification[];
  remove(): void;
}

/** Runs `dondoc simulate` in-process into a temporary folder and reads back outcomes.json and notifications.jsonl. */
export async function simulate(planFile: string, year: number, scenarioFile: string): Promise<SimulationOutput> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'dondoc-simulate-'));
  const result = await runSimulation(loadConfig(), { planFile, year, scenarioFile, outDir: out, log: () => undefined });
  return {
    out,
    result,
    outcomes: JSON.parse(readFileSync(path.join(out, 'outcomes.json'), 'utf8')) as Outcome[],
    notifications: readFileSync(path.join(out, 'notifications.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as DeliveredNotification),
    remove: () => rmSync(out, { recursive: true, force: true }),
  };
}
