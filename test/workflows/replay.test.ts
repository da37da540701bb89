import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Payload } from '@temporalio/common';
import type { History } from '@temporalio/common/lib/proto-utils';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { bundleWorkflows, installTestRuntime, testDataConverter, testPayloadCodec } from '../helpers/temporal';
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

  // With the payload codec every worker has: histories recorded before a key was configured pass through it.
  it.each(files)('replays %s without a nondeterminism error', async (file) => {
    const history = historyFromJson(JSON.parse(readFileSync(path.join(HISTORIES, file), 'utf8')));
    await expect(
      Worker.runReplayHistory({ workflowBundle: bundle, dataConverter: testDataConverter }, history, file),
    ).resolves.toBeUndefined();
  });

  it('replays a history whose payloads are encrypted, and only with the key', async () => {
    const plain = historyFromJson(JSON.parse(readFileSync(path.join(HISTORIES, 'cycle.json'), 'utf8')));
    const history = await encryptPayloads(plain);
    expect(JSON.stringify(history)).not.toMatch(/json\/plain/);
    await expect(
      Worker.runReplayHistory({ workflowBundle: bundle, dataConverter: testDataConverter }, history, 'cycle'),
    ).resolves.toBeUndefined();
    await expect(Worker.runReplayHistory({ workflowBundle: bundle }, history, 'cycle')).rejects.toThrow();
  });
});

/** The history as a worker with the codec would have written it: every `payloads` list encrypted. */
async function encryptPayloads(history: History): Promise<History> {
  const walk = async (value: unknown): Promise<unknown> => {
    if (Array.isArray(value)) return Promise.all(value.map(walk));
    if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
    const entries = await Promise.all(
      Object.entries(value).map(async ([key, field]): Promise<[string, unknown]> => {
        if (key === 'payloads' && Array.isArray(field)) return [key, await testPayloadCodec.encode(field as Payload[])];
        return [key, await walk(field)];
      }),
    );
    return Object.fromEntries(entries);
  };
  return (await walk(history)) as History;
}
