import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { longSleepWorkflow } from '../fixtures/workflows/long-sleep';
import { offlineActivityDeps } from '../helpers/channels';
import { bundleWorkflows, createTimeSkippingEnv, testDataConverter } from '../helpers/temporal';

const DAY_MS = 24 * 3600 * 1000;

describe('the time-skipping test server', () => {
  let env: TestWorkflowEnvironment;
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    [env, bundle] = await Promise.all([
      createTimeSkippingEnv(),
      bundleWorkflows(require.resolve('../fixtures/workflows/long-sleep')),
    ]);
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('runs a workflow that sleeps 300 days to completion, with real activities', async () => {
    const taskQueue = `test-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      dataConverter: testDataConverter,
      taskQueue,
      workflowBundle: bundle,
      activities: createActivities(offlineActivityDeps(() => new Date('2022-03-01T01:00:00Z'))),
    });

    const result = await worker.runUntil(
      env.client.workflow.execute(longSleepWorkflow, { taskQueue, workflowId: `sleep-${randomUUID()}`, args: [300] }),
    );

    const slept = Date.parse(result.wokeAt) - Date.parse(result.startedAt);
    expect(slept).toBeGreaterThanOrEqual(300 * DAY_MS);
    expect(slept).toBeLessThan(301 * DAY_MS);
    expect(result.activityClock).toBe('2022-03-01T01:00:00.000Z');
  });
});
