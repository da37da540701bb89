import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { bundleWorkflows, installTestRuntime } from '../helpers/temporal';
import { historyFromJson } from './history-json';

// Histories recorded by `npm run record-histories` (scripts/record-histories.ts). A change to the workflow code that
// would break running workflows fails here with a DeterminismViolationError: version it with patched() instead.
const HISTORIES = path.join(__dirname, 'histories');
const files = readdirSync(HISTORIES)
  .filter((name) => name.endsWith('.json'))
  .sort();

describe('replaying recorded unit and cycle workflow histories', () => {
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    installTestRuntime();
    bundle = await bundleWorkflows(require.resolve('../../workflows'));
  });

  it('has the recorded scenarios', () => {
    expect(files).toEqual(
      expect.arrayContaining(['early-submit.json', 'extension.json', 'never-submits.json', 'cycle.json']),
    );
  });

  it.each(files)('replays %s without a nondeterminism error', async (file) => {
    const history = historyFromJson(JSON.parse(readFileSync(path.join(HISTORIES, file), 'utf8')));
    await expect(Worker.runReplayHistory({ workflowBundle: bundle }, history, file)).resolves.toBeUndefined();
  });
});
