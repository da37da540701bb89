import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { cycleLogAttributes, obligationLogAttribute } from '../domain/cycle/log-attributes';

/**
 * Every log line of an activity (ours through `log` from `@temporalio/activity`, and the SDK's own) carries the
 * cycle and unit of the workflow that scheduled it and the obligation its input is about.
 */
export const activityLogAttributes: ActivityInterceptorsFactory = (ctx) => {
  const cycle = cycleLogAttributes(ctx.info.workflowExecution?.workflowId);
  let obligation: string | undefined;
  return {
    inbound: {
      execute: (input, next) => {
        obligation = obligationLogAttribute(input.args[0]);
        return next(input);
      },
    },
    outbound: {
      getLogAttributes: (attributes, next) => next({ ...attributes, ...cycle, ...(obligation && { obligation }) }),
    },
  };
};
