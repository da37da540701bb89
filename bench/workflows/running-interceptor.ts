import { proxySinks, workflowInfo, type Sinks, type WorkflowInterceptorsFactory } from '@temporalio/workflow';

export interface BenchSinks extends Sinks {
  bench: { running(workflowId: string): void };
}

const { bench } = proxySinks<BenchSinks>();

/** Tells the bench process when a workflow's first task ran (sinks are not called on replay). */
export const interceptors: WorkflowInterceptorsFactory = () => ({
  inbound: [
    {
      execute(input, next) {
        bench.running(workflowInfo().workflowId);
        return next(input);
      },
    },
  ],
});
