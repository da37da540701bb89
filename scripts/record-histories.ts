import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unitWorkflowId } from '../domain/cycle/cycle-input';
import { compileCycle } from '../test/helpers/cycle';
import { seedPlan } from '../test/helpers/plans';
import { startCycleHarness } from '../test/workflows/cycle-harness';
import { historyToJson } from '../test/workflows/history-json';
import {
  createUnitHarness,
  HALF_YEAR_SUBMISSION,
  type UnitHarness,
  type UnitRun,
} from '../test/workflows/unit-harness';
import { closeCycleUpdate } from '../workflows/cycle-messages';
import { extendUpdate, resendReminderUpdate, submitUpdate } from '../workflows/unit-messages';

// `npm run record-histories`: runs a few unit workflow scenarios and one cycle on the time-skipping server (real SMTP
// capture and fake Zalo) and saves their event histories under test/workflows/histories/, which replay.test.ts replays
// against the current workflow code. Re-record only on purpose: a history that no longer replays is the point.
// Each history keeps to one obligation and a short horizon so that the files stay small.
// The workflows have not shipped to production yet: after a change to them, re-record instead of adding patched().

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
    description: 'a reminder requested on 03/05, then the wake at the end of the due date (overdue), then silence',
    async play(run) {
      await run.sleepUntil('2022-05-03T10:00:00+07:00');
      await run.handle.executeUpdate(resendReminderUpdate, { args: [{ obligationId: 'bao-cao-6-thang' }] });
      await run.sleepUntil('2022-05-27T09:00:00+07:00');
    },
  },
  {
    name: 'early-submit',
    description: 'a submission on 05/05 and its receipt, then silence',
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

const CYCLE_SCENARIO = {
  name: 'cycle',
  description:
    'cycle-small/2031: units started (the digest of 12/05 08:00, before the start, not mailed), the moments of 13/05 and 14/05 (dispatchMoment), the aggregation ' +
    'of 14/05 with both communes missing, an extension of xa-dong/ke-hoach (unitScheduleChanged), both submitting ' +
    '(unitResolved), the final re-aggregation, close',
};

async function recordCycle(): Promise<string> {
  const cycle = await startCycleHarness({
    planFile: path.join(__dirname, '..', 'test', 'fixtures', 'plans', 'cycle-small.yaml'),
    year: 2031,
    issuedOn: '2031-05-01',
    planStart: '2031-05-12T09:00:00+07:00',
  });
  try {
    await cycle.waitForStatus((s) => s.started === s.units && s.digestsSent.length > 0);
    await cycle.sleepUntil('2031-05-14T09:00:00+07:00');
    await cycle.waitForStatus((s) => s.aggregations.length === 1 && s.dispatch.moments >= 2);
    await cycle.env.client.workflow
      .getHandle(unitWorkflowId(cycle.input.cycle, 'xa-dong'))
      .executeUpdate(extendUpdate, {
        args: [{ obligationId: 'ke-hoach', newDueDate: '2031-05-23', reason: 'Mưa lũ', by: 'Phòng Nội vụ' }],
      });
    for (const unitId of ['xa-dong', 'xa-tay']) {
      await cycle.env.client.workflow.getHandle(unitWorkflowId(cycle.input.cycle, unitId)).executeUpdate(submitUpdate, {
        args: [{ obligationId: 'bao-cao', values: { 'so-mo-hinh': 1, 'ket-qua': 'Tốt' }, channel: 'web' }],
      });
    }
    await cycle.waitForStatus((s) => s.aggregations.some((a) => a.final));
    await cycle.handle.executeUpdate(closeCycleUpdate);
    await cycle.handle.result();
    const file = path.join(OUT_DIR, `${CYCLE_SCENARIO.name}.json`);
    writeFileSync(file, `${historyToJson(await cycle.handle.fetchHistory())}\n`);
    return file;
  } finally {
    await cycle.teardown();
  }
}

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
  const withCycle = only.length === 0 || only.includes(CYCLE_SCENARIO.name);
  if (chosen.length === 0 && !withCycle) {
    const known = [...SCENARIOS, CYCLE_SCENARIO].map((s) => s.name).join(', ');
    throw new Error(`no such scenario; known: ${known}`);
  }
  mkdirSync(OUT_DIR, { recursive: true });
  if (chosen.length > 0) {
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
  if (withCycle) {
    const file = await recordCycle();
    console.log(`${path.relative(process.cwd(), file)}: ${CYCLE_SCENARIO.description}`);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
