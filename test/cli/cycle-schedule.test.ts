import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { Worker } from '@temporalio/worker';
import { scheduleAdmins } from '../../activities/cycle/schedule-admins';
import type { ScheduleView } from '../../cycles';
import { yearOfDayNumber } from '../../domain/local-date';
import { planDayOf } from '../../domain/plan-time';
import { CYCLE_SMALL, runCliWith, startTestStack, type CliRun, type TestStack } from '../helpers/stack';
import { bundleWorkflows, testDataConverter } from '../helpers/temporal';
import { buildTestApp, login } from '../web/web-harness';

const BROKEN = path.resolve(__dirname, '..', 'fixtures', 'plans', 'broken', 'duplicate-unit-id.yaml');
const ADMIN = 'quan-tri@thu-nghiem.example';
const SCHEDULE_ID = 'dondoc-yearly/cycle-small';

describe('dondoc cycle schedule | schedule list|pause|unpause|trigger|delete (dev server, real worker)', () => {
  let stack: TestStack;
  let dir: string;
  let planFile: string;
  const dondoc = (...args: string[]): Promise<CliRun> => runCliWith(stack.env, args);
  // A triggered run is due now: its cycle is this year's, in plan time.
  const year = yearOfDayNumber(planDayOf(Date.now()));

  /** The schedule as `schedule list --format json` shows it once `ready` holds (listing lags behind a create). */
  async function scheduleWhen(ready: (view: ScheduleView | undefined) => boolean): Promise<ScheduleView | undefined> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const run = await dondoc('schedule', 'list', '--format', 'json');
      expect(run).toMatchObject({ code: 0, stderr: '' });
      const view = (JSON.parse(run.stdout) as ScheduleView[]).find((s) => s.scheduleId === SCHEDULE_ID);
      if (ready(view)) return view;
      if (Date.now() > deadline) throw new Error(`the schedule never got ready:\n${run.stdout}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  const runsSettled = (count: number) => (view: ScheduleView | undefined) =>
    (view?.runs.length ?? 0) >= count && view?.runs.at(-1)?.result.state !== 'running';

  beforeAll(async () => {
    stack = await startTestStack({ adminEmails: [ADMIN] });
    dir = await mkdtemp(path.join(os.tmpdir(), 'dondoc-schedule-'));
    planFile = path.join(dir, 'cycle-small.yaml');
    await copyFile(CYCLE_SMALL, planFile);
  });
  afterAll(async () => {
    await stack?.teardown();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('refuses a plan that does not validate, with the usual plan errors (exit 2), and creates nothing', async () => {
    const run = await dondoc('cycle', 'schedule', BROKEN, '--every-year-on', '01-05');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('duplicate-unit-id.yaml:');
    expect(run.stderr).toContain('phong-noi-vu');
    const leap = await dondoc('cycle', 'schedule', planFile, '--every-year-on', '02-29');
    expect(leap.code).toBe(2);
    expect(leap.stderr).toContain('02-29 exists only in leap years');
  });

  it('creates a schedule whose next run is the day at 07:00 in Vietnam; list shows it; a second one exits 2', async () => {
    const created = await dondoc('cycle', 'schedule', planFile, '--every-year-on', '01-05');
    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(created.stdout).toContain(`Đã tạo lịch ${SCHEDULE_ID}: hằng năm ngày 05/01 lúc 07:00`);
    expect(created.stdout).toContain(`Lần chạy tới: 05/01/${year + 1} 07:00`);

    const view = await scheduleWhen((v) => v !== undefined);
    expect(view).toMatchObject({
      planId: 'cycle-small',
      planFile,
      rule: { month: 1, day: 5, hour: 7, minute: 0 },
      paused: false,
      runs: [],
    });
    // 07:00 in Asia/Ho_Chi_Minh is 00:00 UTC.
    expect(view?.nextRuns[0]).toBe(`${year + 1}-01-05T00:00:00.000Z`);
    const table = await dondoc('schedule', 'list');
    expect(table.stdout).toMatch(
      new RegExp(
        `${SCHEDULE_ID}\\s+cycle-small \\(.*\\)\\s+hằng năm ngày 05/01 lúc 07:00\\s+đang chạy\\s+05/01/${year + 1} 07:00\\s+—`,
      ),
    );

    const again = await dondoc('cycle', 'schedule', planFile, '--every-year-on', '03-01');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`plan cycle-small already has a schedule (${SCHEDULE_ID})`);
  });

  it("trigger starts this year's cycle from the file; a second run finds it started, which is not an error", async () => {
    const trigger = await dondoc('schedule', 'trigger', 'cycle-small');
    expect(trigger).toMatchObject({ code: 0, stderr: '', stdout: `Đã chạy ngay lịch ${SCHEDULE_ID}\n` });
    const view = await scheduleWhen(runsSettled(1));
    expect(view?.runs.at(-1)?.result).toEqual({ state: 'started', cycle: `cycle-small/${year}` });

    const status = await dondoc('cycle', 'status', `cycle-small/${year}`, '--format', 'json');
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ cycle: { planId: 'cycle-small', year, units: 3 } });

    await dondoc('schedule', 'trigger', SCHEDULE_ID);
    const second = await scheduleWhen(runsSettled(2));
    expect(second?.runs.at(-1)?.result).toEqual({ state: 'exists', cycle: `cycle-small/${year}` });
    const table = await dondoc('schedule', 'list');
    expect(table.stdout).toContain(`cycle-small/${year} đã có từ trước`);
  });

  it('pause and unpause', async () => {
    expect(await dondoc('schedule', 'pause', 'cycle-small')).toMatchObject({
      code: 0,
      stdout: `Đã tạm dừng lịch ${SCHEDULE_ID}\n`,
    });
    expect(await scheduleWhen((v) => v?.paused === true)).toMatchObject({ paused: true });
    expect((await dondoc('schedule', 'list')).stdout).toMatch(/tạm dừng\s+—/);
    expect(await dondoc('schedule', 'unpause', SCHEDULE_ID)).toMatchObject({ code: 0 });
    expect(await scheduleWhen((v) => v?.paused === false)).toMatchObject({ paused: false });
  });

  it('a plan broken after scheduling fails the run for good, emails the admins, and the dashboard shows it', async () => {
    // The file as an admin might leave it: still YAML, but two units share an id.
    await writeFile(planFile, (await readFile(BROKEN, 'utf8')).replace('id: ke-hoach-mau', 'id: cycle-small'));
    const before = stack.channels.smtp.messages().length;
    await dondoc('schedule', 'trigger', 'cycle-small');
    const view = await scheduleWhen(runsSettled(3));
    const run = view?.runs.at(-1);
    expect(run?.result).toMatchObject({
      state: 'failed',
      code: 'PLAN_INVALID',
      userMessage: `Tệp kế hoạch ${planFile} không hợp lệ (1 lỗi).`,
      notified: 1,
    });
    expect(run?.result.state === 'failed' && run.result.message).toContain(planFile);
    expect(run?.result.state === 'failed' && run.result.message).toContain('phong-noi-vu');

    // Failed, not retried: a non-retryable ApplicationFailure naming the file.
    const failure = await stack.client.workflow
      .getHandle(run?.workflowId ?? '')
      .result()
      .then(
        () => undefined,
        (err: unknown) => err,
      );
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    const cause = (failure as WorkflowFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect(cause).toMatchObject({ type: 'PLAN_INVALID', nonRetryable: true });

    const mails = await stack.channels.smtp.waitFor(before + 1);
    const alert = mails.slice(before).find((m) => m.parsed.headers.get('x-dondoc-kind') === 'schedule-failure');
    expect(alert?.envelope.rcptTo).toEqual([ADMIN]);
    expect(alert?.parsed.subject).toBe(`[dondoc] Không khởi tạo được chu kỳ cycle-small/${year} theo lịch`);
    expect(alert?.parsed.text).toContain(planFile);
    expect(alert?.parsed.text).toContain('phong-noi-vu');
    expect(alert?.parsed.text).toContain('dondoc schedule trigger cycle-small');

    const { app } = await buildTestApp(stack);
    try {
      const anonymous = await app.inject({ method: 'GET', url: '/schedules' });
      expect(anonymous.statusCode).not.toBe(200);
      expect(anonymous.body).not.toContain('cycle-small');
      const { cookies } = await login(app);
      const list = await app.inject({ method: 'GET', url: '/cycles', cookies });
      expect(list.body).toContain('href="/schedules"');
      const page = await app.inject({ method: 'GET', url: '/schedules', cookies });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Lịch khởi tạo chu kỳ hằng năm');
      expect(page.body).toContain('hằng năm ngày 05/01 lúc 07:00');
      expect(page.body).toContain(`05/01/${year + 1} 07:00`);
      expect(page.body).toContain('Không khởi tạo được chu kỳ.');
      expect(page.body).toContain(`Tệp kế hoạch ${planFile} không hợp lệ (1 lỗi).`);
      expect(page.body).toContain('Chi tiết kỹ thuật (PLAN_INVALID)');
      expect(page.body).toContain('Đã báo qua email cho 1 người quản trị.');
      expect(page.body).toContain(`Đã khởi tạo chu kỳ <a href="/cycles/cycle-small/${year}">`);
    } finally {
      await app.close();
    }
  });

  it('a missing plan file fails the run too; without DONDOC_ADMIN_EMAILS the supervisor would be told', async () => {
    await rm(planFile);
    await dondoc('schedule', 'trigger', 'cycle-small');
    const view = await scheduleWhen(runsSettled(4));
    expect(view?.runs.at(-1)?.result).toMatchObject({
      state: 'failed',
      code: 'FILE_NOT_FOUND',
      userMessage: `Không đọc được tệp kế hoạch ${planFile}.`,
    });

    // The fallback recipients: the supervisor read leniently from a file that fails validation…
    const fromFile = await scheduleAdmins({ core: stack.core }, { planFile: BROKEN, planId: 'x', year });
    expect(fromFile.map((c) => c.email)).toContain('truongphong.noi-vu@mau-son.example');
    // …and, the file gone, the supervisor of the plan the previous cycle ran on (this year's, here).
    const fromCycle = await scheduleAdmins({ core: stack.core }, { planFile, planId: 'cycle-small', year: year + 1 });
    expect(fromCycle.map((c) => c.email)).toEqual(['noi-vu@thu-nghiem.example']);
  });

  it('replays every run (started, found started, failed) on the current workflow code without nondeterminism', async () => {
    // The sandbox rule: yearlyCycleWorkflow reads only workflowInfo() and awaits one activity, so any history replays.
    const bundle = await bundleWorkflows(require.resolve('../../workflows'));
    const view = await scheduleWhen(runsSettled(4));
    expect(view?.runs.map((run) => run.result.state)).toEqual(['started', 'exists', 'failed', 'failed']);
    for (const run of view?.runs ?? []) {
      const history = await stack.client.workflow.getHandle(run.workflowId).fetchHistory();
      await expect(
        Worker.runReplayHistory({ workflowBundle: bundle, dataConverter: testDataConverter }, history, run.workflowId),
      ).resolves.toBeUndefined();
    }
  });

  it('delete removes it; an unknown id exits 2 naming it', async () => {
    expect(await dondoc('schedule', 'delete', 'cycle-small')).toMatchObject({
      code: 0,
      stdout: `Đã xóa lịch ${SCHEDULE_ID}\n`,
    });
    await scheduleWhen((v) => v === undefined);
    for (const verb of ['pause', 'unpause', 'trigger', 'delete']) {
      const run = await dondoc('schedule', verb, 'no-such-plan');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('schedule no-such-plan not found');
    }
  });
});
