import { randomUUID } from 'node:crypto';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { AppError } from '../../domain/errors';
import { startDevServer } from '../../workers/dev-server';
import { longSleepWorkflow } from '../fixtures/workflows/long-sleep';
import { offlineActivityDeps } from '../helpers/channels';
import { bundleWorkflows, startTestDevServer, testDataConverter, type TestDevServer } from '../helpers/temporal';

describe('the embedded Temporal dev server', () => {
  let dev: TestDevServer;

  beforeAll(async () => {
    dev = await startTestDevServer();
  });

  afterAll(async () => {
    await dev?.teardown();
  });

  it('runs workflows and answers visibility queries, which the time-skipping server cannot', async () => {
    const taskQueue = `test-${randomUUID()}`;
    const workflowId = `visible-${randomUUID()}`;
    const worker = await Worker.create({
      connection: dev.env.nativeConnection,
      dataConverter: testDataConverter,
      taskQueue,
      workflowBundle: await bundleWorkflows(require.resolve('../fixtures/workflows/long-sleep')),
      activities: createActivities(offlineActivityDeps()),
    });
    await worker.runUntil(dev.env.client.workflow.execute(longSleepWorkflow, { taskQueue, workflowId, args: [0] }));

    const ids: string[] = [];
    for await (const execution of dev.env.client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
      ids.push(execution.workflowId);
    }
    expect(ids).toEqual([workflowId]);
  });

  it('refuses to start on a port that is already taken, naming the port', async () => {
    const [, port] = dev.server.address.split(':');
    const attempt = startDevServer({
      cliPath: '/nonexistent',
      port: Number(port),
      namespace: 'default',
    });
    await expect(attempt).rejects.toThrow(AppError);
    await expect(attempt).rejects.toThrow(`Port ${port} on 127.0.0.1 (Temporal dev server) is already in use`);
  });
});
