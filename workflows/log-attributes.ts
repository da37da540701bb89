// A workflow interceptor module (bundled with the workflows: see WORKFLOW_INTERCEPTOR_MODULES in workers/worker.ts).
import { workflowInfo, type WorkflowInterceptorsFactory } from '@temporalio/workflow';
import { cycleLogAttributes } from '../domain/cycle/log-attributes';

/** Every `log` line of a dondoc workflow carries its cycle and unit; lines about one obligation add `obligation`. */
export const interceptors: WorkflowInterceptorsFactory = () => ({
  outbound: [
    {
      getLogAttributes: (attributes, next) => next({ ...attributes, ...cycleLogAttributes(workflowInfo().workflowId) }),
    },
  ],
});
