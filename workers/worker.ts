import { type NativeConnection, Worker, type WorkflowBundleOption } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import { activityLogAttributes } from '../observability/activity-log-attributes';

/** Workflow interceptors: give them to `bundleWorkflowCode({ workflowInterceptorModules })` too (a bundle ignores the worker's). */
export const WORKFLOW_INTERCEPTOR_MODULES = [require.resolve('../workflows/log-attributes')];

export interface CreateWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  /** A prebuilt bundle (tests build one per file); otherwise the worker bundles `workflows/` at start. */
  workflowBundle?: WorkflowBundleOption;
}

export function createWorker(options: CreateWorkerOptions): Promise<Worker> {
  const workflowSource = options.workflowBundle
    ? { workflowBundle: options.workflowBundle }
    : { workflowsPath: require.resolve('../workflows') };
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: createActivities(options.deps),
    // A prebuilt bundle carries its workflow interceptors already (the SDK warns if they are given again).
    interceptors: {
      activity: [activityLogAttributes],
      ...(!options.workflowBundle && { workflowModules: WORKFLOW_INTERCEPTOR_MODULES }),
    },
    ...workflowSource,
  });
}
