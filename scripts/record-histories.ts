import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileCycle } from '../test/helpers/cycle';
import { seedPlan } from '../test/helpers/plans';
import { historyToJson } from '../test/workflows/history-json';
import {
  createUnitHarness,
  HALF_YEAR_SUBMISSION,
  type UnitHarness,
  type UnitRun,
} from '../test/workflows/unit-harness';
import { extendUpdate, submitUpdate } from '../workflows/unit-messages';

// `npm run record-histories`: runs a few unit workflow scenarios on the time-skipping server (real SMTP capture
// and fake Zalo) and saves their event histories under test/workflows/histories/, which replay.test.ts replays
// against the current workflow code. Re-record only on purpose: a history that no longer replays is the point.
// Each history keeps to one obligation and a short horizon so that the files stay small.

const OUT_DIR = path.join(__dirname, '..', 'test', 'workflows', 'histories');
const START = '2022-04-20T07:30:00+07:00';

const halfYear = compileCycle(seedPlan(), 2022, '2022-04-20').unitWith('xa-ia-tul', 'bao-cao-6-thang');

interface Scenario {
  name: string;
  description: string;
  play(run: UnitRun): Promise<void>;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'never-submits',
    description: 'reminders, levels 1-3 and the first repeat of level 3, by email and ZNS',
    async play(run) {
      await run.sleepUntil('2022-05-27T09:00:00+07:00');
    },
  },
  {
    name: 'early-submit',
    description: 'two reminders, a submission on 05/05, its receipt, then silence',
    async play(run) {
      await run.sleepUntil('2022-05-05T15:00:00+07:00');
      await run.handle.executeUpdate(submitUpdate, { args: [HALF_YEAR_SUBMISSION] });
      await run.sleepUntil('2022-05-12T09:00:00+07:00');
    },
  },
  {
    name: 'extension',
    description: 'an extension on 03/05 to Saturday 21/05 (due 23/05), recompiled in an activity',
    async play(run) {
      await run.sleepUntil('2022-05-03T10:00:00+07:00');
      await run.handle.executeUpdate(extendUpdate, {
        args: [{ obligationId: 'bao-cao-6-thang', newDueDate: '2022-05-21', reason: 'Mưa lũ', by: 'Phòng Nội vụ' }],
      });
      await run.sleepUntil('2022-05-24T09:00:00+07:00');
    },
  },
];

async function record(harness: UnitHarness, scenario: Scenario): Promise<string> {
  const run = await harness.start(halfYear, START, {
    workflowId: `dondoc/dvcq-ia-pa/2022/xa-ia-tul/${scenario.name}`,
    taskQueue: `record-histories-${scenario.name}`,
  });
  await scenario.play(run);
  await run.stop();
  const file = path.join(OUT_DIR, `${scenario.name}.json`);
  writeFileSync(file, `${historyToJson(await run.handle.fetchHistory())}\n`);
  return file;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const chosen = only.length > 0 ? SCENARIOS.filter((s) => only.includes(s.name)) : SCENARIOS;
  if (chosen.length === 0) throw new Error(`no such scenario; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  mkdirSync(OUT_DIR, { recursive: true });
  const harness = await createUnitHarness();
  try {
    for (const scenario of chosen) {
      const file = await record(harness, scenario);
      console.log(`${path.relative(process.cwd(), file)}: ${scenario.description}`);
    }
  } finally {
    await harness.teardown();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
