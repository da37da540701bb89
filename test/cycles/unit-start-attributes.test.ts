import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { unitWorkflowId } from '../../domain/cycle/cycle-input';
import { atPlanDate } from '../../domain/plan-time';
import { startTestStack, type TestStack } from '../helpers/stack';

jest.setTimeout(240_000);

const PLAN = path.resolve(__dirname, '..', 'fixtures', 'plans', 'cycle-codec.yaml');
const CYCLE = { planId: 'cycle-codec', year: 2031 };
const { EVENT_TYPE_WORKFLOW_TASK_COMPLETED, EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES } =
  temporal.api.enums.v1.EventType;

describe('unit workflows started with their search attributes', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });

  afterAll(async () => {
    await stack?.teardown();
  });

  it('carry them from the start (late start: one obligation overdue), and their first task upserts nothing', async () => {
    const prepared = await stack.core.prepare({ planFile: PLAN, year: 2031, channels: { zns: false, oa: false } });
    // 01/04/2031: ke-hoach (15 days after 02/03) is overdue, bao-cao (11/05) is not due yet.
    const input = { ...prepared.input, clockShiftMs: atPlanDate('2031-04-01', '07:30') - Date.now() };
    await stack.core.start({ ...prepared, input });

    for (const unitId of ['xa-dong', 'xa-tay', 'phong-noi-vu']) {
      const handle = stack.client.workflow.getHandle(unitWorkflowId(CYCLE, unitId));
      let events: temporal.api.history.v1.IHistoryEvent[] = [];
      for (;;) {
        events = await handle
          .fetchHistory()
          .then((history) => history.events ?? [])
          .catch(() => []);
        if (events.some((e) => e.eventType === EVENT_TYPE_WORKFLOW_TASK_COMPLETED)) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect([unitId, events.filter((e) => e.eventType === EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES)]).toEqual([
        unitId,
        [],
      ]);
      // Read at today's clock: the dates, not the states, of plan time.
      const status = await stack.core.unitStatus(CYCLE, unitId);
      expect(status.obligations.filter((o) => o.dueDate < '2031-04-01').map((o) => o.id)).toEqual(['ke-hoach']);
      const nextDue = status.obligations.map((o) => o.dueDate).sort()[0]!;
      const { searchAttributes } = await handle.describe();
      expect([unitId, searchAttributes]).toEqual([
        unitId,
        expect.objectContaining({
          DondocPlan: ['cycle-codec'],
          DondocYear: [2031],
          DondocUnit: [unitId],
          DondocOverdueCount: [1],
          DondocNextDueDate: [new Date(atPlanDate(nextDue))],
          DondocState: ['overdue'],
        }),
      ]);
    }
  });
});
