import type { CoreContext } from './core-context';

/** TaskQueueType WORKFLOW and TaskQueueKind NORMAL (`@temporalio/proto` is not a direct dependency). */
const TASK_QUEUE_TYPE_WORKFLOW = 1;
const TASK_QUEUE_KIND_NORMAL = 1;

export type TemporalHealth = { temporal: 'ok'; pollers: number } | { temporal: 'unreachable'; error: unknown };

/** Whether Temporal answers, and how many workers poll the core's task queue for workflow tasks. */
export function temporalHealth(ctx: CoreContext) {
  return {
    async health(namespace: string, deadlineMs: number): Promise<TemporalHealth> {
      try {
        return await ctx.withDeadline(
          async () => {
            const service = ctx.deps.client.workflowService;
            await service.getSystemInfo({});
            const described = await service.describeTaskQueue({
              namespace,
              taskQueue: { name: ctx.deps.taskQueue, kind: TASK_QUEUE_KIND_NORMAL },
              taskQueueType: TASK_QUEUE_TYPE_WORKFLOW,
            });
            return { temporal: 'ok' as const, pollers: described.pollers?.length ?? 0 };
          },
          { deadlineMs },
        );
      } catch (error) {
        return { temporal: 'unreachable', error };
      }
    },
  };
}
