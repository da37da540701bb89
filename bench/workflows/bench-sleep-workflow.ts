import { sleep } from '@temporalio/workflow';

/** The bare-SDK baseline: a workflow that does nothing but sleep. */
export async function benchSleepWorkflow(ms: number): Promise<void> {
  await sleep(ms);
}
