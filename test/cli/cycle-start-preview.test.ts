import { defaultPayloadConverter } from '@temporalio/common';
import type { CycleWorkflowInput } from '../../domain/cycle/cycle-input';
import type { CycleStatus } from '../../workflows/cycle-messages';
import { runDondoc } from '../helpers/cli';
import { CYCLE_SMALL as PLAN, runCliWith, startTestStack, type CliRun, type TestStack } from '../helpers/stack';
import { testPayloadCodec } from '../helpers/temporal';

/**
 * cycle-small in a past year: whenever the test runs, every deadline of the cycle has passed, so a start is a late
 * start and its catch-up reaches every head (by email only: the plan has no phone) and the leadership.
 */
describe('dondoc cycle start: what a late start sends at once, and the leadership asked first', () => {
  let stack: TestStack;
  const dondoc = (...args: string[]): Promise<CliRun> => runCliWith(stack.env, args);
  const snapshots = () => stack.db.selectFrom('planSnapshots').select('id').orderBy('id').execute();
  const startedInput = async (workflowId: string): Promise<CycleWorkflowInput> => {
    const history = await stack.client.workflow.getHandle(workflowId).fetchHistory();
    const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
    if (!payload) throw new Error(`${workflowId} has no input`);
    // Histories hold payloads as the payload codec encrypted them.
    const [decoded] = await testPayloadCodec.decode([payload]);
    return defaultPayloadConverter.fromPayload<CycleWorkflowInput>(decoded ?? payload);
  };
  /**
   * A late-started cycle is busy for a moment (its units start, the past aggregation runs, the first moment is
   * dispatched or planned for 07:00): wait until it is idle, so the stack is not torn down under its activities.
   */
  const settled = async (year: number): Promise<CycleStatus> => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const status = await stack.core.cycleStatus({ planId: 'cycle-small', year }).catch(() => undefined);
      const idle =
        status !== undefined &&
        status.started === status.units &&
        status.aggregations.length > 0 &&
        (status.dispatch.moments > 0 || Date.parse(status.dispatch.nextMomentAt ?? '') > Date.now());
      if (idle) return status;
      if (Date.now() > deadline) throw new Error(`cycle-small/${year} never settled: ${JSON.stringify(status)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const expectNotStarted = async (cycle: string): Promise<void> => {
    const status = await dondoc('cycle', 'status', cycle);
    expect(status.code).toBe(2);
    expect(status.stderr).toContain(`cycle ${cycle} not found`);
  };

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.teardown();
  });

  it('--dry-run prints the messages by recipient and channel, and starts, stores and sends nothing', async () => {
    const before = await snapshots();
    const dry = await dondoc('cycle', 'start', PLAN, '--year', '2025', '--dry-run');
    expect(dry).toMatchObject({ code: 0, stderr: '' });
    expect(dry.stdout).toContain('Chạy thử (--dry-run): sẽ khởi tạo chu kỳ dondoc/cycle-small/2025');
    expect(dry.stdout).toContain('Nhắc bù: mỗi người một tin tóm tắt những việc đã quá hạn.');
    expect(dry.stdout).toMatch(/Người nhận\s+Email\s+Zalo\s+Cộng\n/);
    expect(dry.stdout).toMatch(/\n\s+Đơn vị\s+2\s+0\s+2\n/);
    expect(dry.stdout).toMatch(/Cơ quan theo dõi \(Phòng Nội vụ huyện\)\s+1\s+0\s+1\n/);
    expect(dry.stdout).toMatch(/Lãnh đạo\s+1\s+0\s+1\n/);
    expect(dry.stdout).toMatch(/Cộng\s+4\s+0\s+4\n/);
    expect(dry.stdout).toContain('4 tin cho 4 người, về 5 lượt việc của các đơn vị.');
    expect(dry.stdout).toContain('Chưa khởi tạo, chưa lưu, chưa gửi gì.');

    const quiet = await dondoc('cycle', 'start', PLAN, '--year', '2025', '--dry-run', '--catch-up', 'none');
    expect(quiet).toMatchObject({ code: 0, stderr: '' });
    expect(quiet.stdout).toContain('Không có tin nào gửi đi khi khởi tạo. Nhắc bù: không (--catch-up none)');
    expect(quiet.stdout).toMatch(/Bỏ qua \d+ lượt nhắc, đôn đốc đã qua/);

    expect(await snapshots()).toEqual(before);
    await expectNotStarted('cycle-small/2025');
  });

  it('refuses a bad --catch-up, naming the flag', async () => {
    const bad = await dondoc('cycle', 'start', PLAN, '--year', '2025', '--catch-up', 'later');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("option '--catch-up <mode>' argument 'later' is invalid");
    await expectNotStarted('cycle-small/2025');
  });

  it('without --yes and without a terminal to ask, refuses to message the leadership and starts nothing', async () => {
    const before = await snapshots();
    const refused = await runDondoc(['cycle', 'start', PLAN, '--year', '2025'], stack.env);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toMatch(/Lãnh đạo\s+1\s+0\s+1\n/);
    expect(refused.stderr.trim().split('\n')).toEqual([
      'cycle start would send 1 message(s) to the leadership at once and standard input is not a terminal to ' +
        'confirm: add --yes to send them (or --catch-up none to start quietly); nothing was started',
    ]);
    expect(await snapshots()).toEqual(before);
    await expectNotStarted('cycle-small/2025');
  });

  it('with --yes starts, the preview first, and the cycle workflow gets the catch-up mode', async () => {
    const start = await dondoc('cycle', 'start', PLAN, '--year', '2025', '--yes');
    expect(start).toMatchObject({ code: 0, stderr: '' });
    expect(start.stdout.indexOf('4 tin cho 4 người')).toBeLessThan(start.stdout.indexOf('Đã khởi tạo chu kỳ'));
    expect(start.stdout).toContain('Đã khởi tạo chu kỳ dondoc/cycle-small/2025');
    expect((await startedInput('dondoc/cycle-small/2025')).catchUp).toBe('summary');
    // Within the sending hours the first moment has gone out: the counts the preview printed; at night it waits.
    const { dispatch } = await settled(2025);
    if (dispatch.moments > 0) expect(dispatch).toMatchObject({ sent: 4, held: 0, failed: 0, skipped: 0 });
    else expect(dispatch.nextMomentAt).toMatch(/T07:00:00\+07:00$/);
  });

  it('--catch-up none sends the leadership nothing: it starts without asking, quietly', async () => {
    const start = await runDondoc(['cycle', 'start', PLAN, '--year', '2024', '--catch-up', 'none'], stack.env);
    expect(start).toMatchObject({ code: 0, stderr: '' });
    expect(start.stdout).toContain('Không có tin nào gửi đi khi khởi tạo.');
    expect(start.stdout).toContain('Đã khởi tạo chu kỳ dondoc/cycle-small/2024');
    expect((await startedInput('dondoc/cycle-small/2024')).catchUp).toBe('none');
    const { dispatch } = await settled(2024);
    if (dispatch.moments > 0) expect(dispatch.skipped).toBeGreaterThan(0);
    expect(dispatch).toMatchObject({ sent: 0, held: 0 });
  });
});
