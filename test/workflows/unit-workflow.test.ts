import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities, type Activities } from '../../activities';
import { shiftedServerClock } from '../../activities/shifted-clock';
import type { UnitWorkflowInput } from '../../domain/cycle/unit-input';
import { unitWorkflow } from '../../workflows';
import { closeSignal, getStatusQuery, submitUpdate } from '../../workflows/unit-messages';
import { startTestChannels, type TestChannels } from '../helpers/channels';
import { compileCycle, HALF_YEAR_REPORT_VALUES } from '../helpers/cycle';
import { sameMinuteAs } from '../helpers/plan-time';
import { seedPlan } from '../helpers/plans';
import { bundleWorkflows, createTimeSkippingEnv } from '../helpers/temporal';

describe('unitWorkflow over a whole year (time-skipping server, real SMTP and fake Zalo)', () => {
  let env: TestWorkflowEnvironment;
  let bundle: WorkflowBundleWithSourceMap;
  let channels: TestChannels;
  let shift = 0;
  const cycle = compileCycle(seedPlan(), 2022, '2022-04-20');

  beforeAll(async () => {
    [env, bundle] = await Promise.all([createTimeSkippingEnv(), bundleWorkflows(require.resolve('../../workflows'))]);
    channels = await startTestChannels({ now: shiftedServerClock(() => shift) });
  });

  afterAll(async () => {
    await channels?.close();
    await env?.teardown();
  });

  /** Starts `input` so that plan time reads `planStart` now; returns the handle and a way to move plan time. */
  async function start(input: UnitWorkflowInput, planStart: string, activities?: Activities) {
    shift = Date.parse(planStart) - (await env.currentTimeMs());
    const taskQueue = `unit-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: bundle,
      activities: activities ?? createActivities(channels.deps),
    });
    const handle = await env.client.workflow.start(unitWorkflow, {
      taskQueue,
      workflowId: `dondoc/${input.cycle.planId}/${input.cycle.year}/${input.unit.id}/${randomUUID()}`,
      args: [{ ...input, clockShiftMs: shift }],
    });
    const running = worker.run();
    const sleepUntil = async (planTime: string): Promise<void> => {
      const target = Date.parse(planTime) - shift;
      const current = await env.currentTimeMs();
      if (target > current) await env.sleep(target - current);
    };
    const stop = async (): Promise<void> => {
      await handle.signal(closeSignal);
      await handle.result();
      worker.shutdown();
      await running;
    };
    return { handle, sleepUntil, stop };
  }

  function emailsOf(unitId: string) {
    return channels.smtp
      .messages()
      .filter((m) => m.parsed.headers.get('x-dondoc-unit') === unitId)
      .map((m) => {
        const header = (name: string): string => (m.parsed.headers.get(name) as string | undefined) ?? '';
        return {
          kind: header('x-dondoc-kind'),
          obligations: header('x-dondoc-obligation'),
          level: header('x-dondoc-level'),
          scheduledAt: header('x-dondoc-scheduled-at'),
          key: header('x-dondoc-key'),
          to: m.envelope.rcptTo,
        };
      });
  }

  it('sends a unit that never submits every reminder, every level and the repeats, and nothing after 31/12', async () => {
    const input = cycle.unit('xa-chu-mo');
    const run = await start(input, '2022-04-20T07:30:00+07:00');
    await run.sleepUntil('2023-01-15T09:00:00+07:00');
    const status = await run.handle.query(getStatusQuery);
    await run.stop();

    const unitEmails = emailsOf('xa-chu-mo').filter((e) => e.to.includes(input.audiences.unit[0]!.email!));
    const planned = new Set(input.obligations.flatMap((o) => o.events.map((e) => e.at)));
    const expected = new Set(input.obligations.flatMap((o) => o.events.map((e) => `${e.at}|${o.id}`)));
    const sent = new Set(unitEmails.flatMap((e) => e.obligations.split(',').map((id) => `${e.scheduledAt}|${id}`)));
    expect(sent).toEqual(expected);
    expect(unitEmails.every((e) => planned.has(e.scheduledAt) && e.scheduledAt < '2023-01-01')).toBe(true);
    expect(status.obligations.every((o) => o.state === 'overdue')).toBe(true);
    expect(status.obligations.map((o) => o.level)).toEqual(input.obligations.map(() => 3));
    const leadership = emailsOf('xa-chu-mo').filter((e) => e.to.includes(input.audiences.leadership[0]!.email!));
    expect(leadership.length).toBeGreaterThan(0);
    expect(leadership.every((e) => e.level === '3')).toBe(true);
  });

  it('gives a unit that submits early only the reminders before it, a receipt, and nothing after', async () => {
    const run = await start(cycle.unitWith('xa-ia-tul', 'bao-cao-6-thang'), '2022-04-20T07:30:00+07:00');
    await run.sleepUntil('2022-05-05T15:00:00+07:00');
    const receipt = await run.handle.executeUpdate(submitUpdate, {
      args: [
        {
          obligationId: 'bao-cao-6-thang',
          documentNumber: '45/BC-UBND',
          values: HALF_YEAR_REPORT_VALUES,
          channel: 'web',
          submittedBy: 'Nguyễn Văn Bình',
        },
      ],
    });
    expect(receipt).toMatchObject({ timeliness: 'on-time', dueDate: '2022-05-10', version: 1 });
    expect(receipt.submittedAt).toEqual(sameMinuteAs('2022-05-05T15:00:00+07:00'));
    await run.sleepUntil('2022-12-31T23:00:00+07:00');
    const status = await run.handle.query(getStatusQuery);
    await run.stop();

    expect(status.obligations[0]?.state).toBe('submitted-on-time');
    const emails = emailsOf('xa-ia-tul');
    expect(emails.filter((e) => e.kind === 'reminder').map((e) => e.scheduledAt)).toEqual([
      '2022-04-22T08:00:00+07:00',
      '2022-04-29T08:00:00+07:00',
    ]);
    expect(emails.filter((e) => e.kind === 'escalation')).toEqual([]);
    expect(emails.filter((e) => e.kind === 'receipt')).toHaveLength(1);
  });
});
