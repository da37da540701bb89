import type { PayloadCodec } from '@temporalio/common';
import { type NativeConnection, Worker, type WorkerOptions, type WorkflowBundleOption } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import { payloadDataConverter } from '../links/payload-codec/payload-key-ring';
import { activityLogAttributes } from '../observability/activity-log-attributes';

/** Workflow interceptors: give them to `bundleWorkflowCode({ workflowInterceptorModules })` too (a bundle ignores the worker's). */
export const WORKFLOW_INTERCEPTOR_MODULES = [require.resolve('../workflows/log-attributes')];

export interface CreateWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  /** The payload codec (personal data encrypted in Temporal): the same as every Client's. */
  payloadCodec: PayloadCodec;
  /** A prebuilt bundle (tests build one per file); otherwise the worker bundles `workflows/` at start. */
  workflowBundle?: WorkflowBundleOption;
  /** After shutdown is asked, running activities have this long to finish before they are cancelled. @defaultValue 0 */
  shutdownGraceMs?: number;
  /** Sinks for workflow interceptors of a given bundle (the benchmarks count the unit workflows that run). */
  sinks?: WorkerOptions['sinks'];
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
    dataConverter: payloadDataConverter(options.payloadCodec),
    // A prebuilt bundle carries its workflow interceptors already (the SDK warns if they are given again).
    interceptors: {
      activity: [activityLogAttributes],
      ...(!options.workflowBundle && { workflowModules: WORKFLOW_INTERCEPTOR_MODULES }),
    },
    ...workflowSource,
    ...(options.sinks && { sinks: options.sinks }),
    ...(options.shutdownGraceMs !== undefined && {
      shutdownGraceTime: options.shutdownGraceMs,
      // Past this, the worker gives up on a graceful stop rather than hang the process.
      shutdownForceTime: options.shutdownGraceMs + 10_000,
    }),
  });
}
