import path from 'node:path';
import type { UnitStatus } from '../../domain/cycle/unit-status';
import type { CycleStatus } from '../../workflows/cycle-messages';
import { CYCLE_SMALL as PLAN, runCliWith, startTestStack, type CliRun, type TestStack } from '../helpers/stack';

const AMENDED = path.resolve(__dirname, '..', 'fixtures', 'plans', 'cycle-small-amended.yaml');
const BROKEN = path.resolve(__dirname, '..', 'fixtures', 'plans', 'broken', 'duplicate-unit-id.yaml');
const STACK_TRACE = /\n\s+at /;

interface StatusJson {
  cycle: Omit<CycleStatus, 'aggregations'>;
  units: UnitStatus[];
  aggregations: CycleStatus['aggregations'];
  notStarted: string[];
}

describe('dondoc cycle start | status | amend | close (dev server, real worker)', () => {
  let stack: TestStack;
  const dondoc = (...args: string[]): Promise<CliRun> => runCliWith(stack.env, args);

  /** Status as JSON once `ready` holds: the cycle starts its unit workflows in an activity, after `cycle start`. */
  async function statusWhen(cycle: string, ready: (status: StatusJson) => boolean): Promise<StatusJson> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const run = await dondoc('cycle', 'status', cycle, '--format', 'json');
      expect(run).toMatchObject({ code: 0, stderr: '' });
      const status = JSON.parse(run.stdout) as StatusJson;
      if (ready(status)) return status;
      if (Date.now() > deadline) throw new Error(`status of ${cycle} never got ready:\n${run.stdout}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  const allStarted = (status: StatusJson): boolean => status.notStarted.length === 0 && status.units.length > 0;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.teardown();
  });

  it('starts a cycle and shows every unit pending; a second start exits 2', async () => {
    const start = await dondoc('cycle', 'start', PLAN, '--year', '2031');
    expect(start).toMatchObject({ code: 0, stderr: '' });
    expect(start.stdout).toContain('Đã khởi tạo chu kỳ dondoc/cycle-small/2031');
    expect(start.stdout).toContain('Đơn vị: 3 · nhiệm vụ: 2 · lượt phải nộp: 5');
    expect(start.stdout).toContain('Hạn đầu tiên: Thứ Hai 17/03/2031');
    expect(start.stdout).toContain('Hạn cuối cùng: Thứ Hai 12/05/2031');

    const status = await statusWhen('cycle-small/2031', allStarted);
    expect(status.cycle).toMatchObject({ planId: 'cycle-small', year: 2031, units: 3, closed: false });
    expect(status.units.map((unit) => unit.unit.id)).toEqual(['phong-noi-vu', 'xa-dong', 'xa-tay']);
    expect(status.units.flatMap((unit) => unit.obligations.map((o) => o.state))).toEqual(Array(5).fill('pending'));
    expect(status.aggregations).toEqual([]);

    const table = await dondoc('cycle', 'status', 'cycle-small/2031');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Chu kỳ cycle-small/2031 — 3 đơn vị (đã khởi tạo 3) — đang theo dõi');
    expect(table.stdout).toMatch(/UBND xã Đông\s+Báo cáo kết quả 6 tháng\s+12\/05\/2031\s+Chưa đến hạn/);
    expect(table.stdout).toContain('Tổng: 5 nhiệm vụ — 5 chưa đến hạn');
    expect(table.stdout).toContain('Tổng hợp báo cáo: chưa có lần nào.');

    const one = await dondoc('cycle', 'status', 'cycle-small/2031', '--unit', 'xa-tay', '--format', 'json');
    expect((JSON.parse(one.stdout) as StatusJson).units.map((unit) => unit.unit.id)).toEqual(['xa-tay']);

    const again = await dondoc('cycle', 'start', PLAN, '--year', '2031');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('Cycle cycle-small/2031 has already been started');
    expect(again.stderr).not.toMatch(STACK_TRACE);
  });

  it('--dry-run compiles and prints, but starts and stores nothing', async () => {
    const snapshots = () => stack.db.selectFrom('planSnapshots').select('id').orderBy('id').execute();
    const before = await snapshots();
    const dry = await dondoc('cycle', 'start', PLAN, '--year', '2032', '--issued-on', '2032-03-02', '--dry-run');
    expect(dry).toMatchObject({ code: 0, stderr: '' });
    expect(dry.stdout).toContain('Chạy thử (--dry-run): sẽ khởi tạo chu kỳ dondoc/cycle-small/2032');
    expect(dry.stdout).toContain('Chưa khởi tạo, chưa lưu, chưa gửi gì.');
    expect(await snapshots()).toEqual(before);
    const status = await dondoc('cycle', 'status', 'cycle-small/2032');
    expect(status.code).toBe(2);
    expect(status.stderr).toContain('cycle cycle-small/2032 not found');
  });

  it('exits 2 naming what is wrong: unknown cycle or unit, bad target, invalid plan', async () => {
    const unknown = await dondoc('cycle', 'status', 'khong-co/2031');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^cycle khong-co\/2031 not found: start it with `dondoc cycle start/);
    expect(unknown.stderr).not.toMatch(STACK_TRACE);

    const unit = await dondoc('cycle', 'status', 'cycle-small/2031', '--unit', 'xa-nam');
    expect(unit.code).toBe(2);
    expect(unit.stderr).toContain('unit xa-nam is not part of this cycle');

    const badTarget = await dondoc('cycle', 'status', 'cycle-small-2031');
    expect(badTarget.code).toBe(2);
    expect(badTarget.stderr).toContain('must be <planId>/<year>');

    const missingFile = await dondoc('cycle', 'start', 'no-such-plan.yaml', '--year', '2031');
    expect(missingFile.code).toBe(2);
    expect(missingFile.stderr).toContain('no-such-plan.yaml: no such file');

    const invalidPlan = await dondoc('cycle', 'start', BROKEN, '--year', '2031');
    expect(invalidPlan.code).toBe(2);
    expect(invalidPlan.stderr).toContain('duplicate-unit-id.yaml:29: units[2].id: duplicate unit id "phong-noi-vu"');
    expect(invalidPlan.stderr).not.toMatch(STACK_TRACE);
  });

  it('amends a cycle: adds a unit from an edited plan, removes one, refuses what makes no sense', async () => {
    expect((await dondoc('cycle', 'start', PLAN, '--year', '2033')).code).toBe(0);
    await statusWhen('cycle-small/2033', allStarted);

    const noPlan = await dondoc('cycle', 'amend', 'cycle-small/2033', '--add', 'xa-bac');
    expect(noPlan.code).toBe(2);
    expect(noPlan.stderr).toContain('--add needs --plan');
    const notInPlan = await dondoc('cycle', 'amend', 'cycle-small/2033', '--plan', AMENDED, '--add', 'xa-nam');
    expect(notInPlan.code).toBe(2);
    expect(notInPlan.stderr).toContain('--add xa-nam:');

    const add = await dondoc('cycle', 'amend', 'cycle-small/2033', '--plan', AMENDED, '--add', 'xa-bac');
    expect(add).toMatchObject({ code: 0, stderr: '' });
    expect(add.stdout).toContain('Đã điều chỉnh chu kỳ cycle-small/2033: thêm xa-bac;');
    expect(add.stdout).toContain('Nay có 4 đơn vị.');
    const added = await statusWhen('cycle-small/2033', (s) => allStarted(s) && s.units.length === 4);
    expect(added.units.find((unit) => unit.unit.id === 'xa-bac')?.unit.name).toBe('UBND xã Bắc');

    const remove = await dondoc('cycle', 'amend', 'cycle-small/2033', '--remove', 'xa-tay');
    expect(remove).toMatchObject({ code: 0, stderr: '' });
    expect(remove.stdout).toContain('bớt xa-tay');
    const removed = await statusWhen('cycle-small/2033', allStarted);
    expect(removed.units.map((unit) => unit.unit.id)).toEqual(['phong-noi-vu', 'xa-dong', 'xa-bac']);

    // The same command again is the same Update (its id comes from the request): answered, not applied twice.
    const retried = await dondoc('cycle', 'amend', 'cycle-small/2033', '--remove', 'xa-tay');
    expect(retried).toEqual(remove);

    const unknown = await dondoc('cycle', 'amend', 'cycle-small/2033', '--remove', 'xa-tay,xa-nam');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Đơn vị «xa-tay» không thuộc chu kỳ này');
  });

  it('closes a cycle: the units stop, nothing more is accepted, a second close says so', async () => {
    expect((await dondoc('cycle', 'start', PLAN, '--year', '2034')).code).toBe(0);
    await statusWhen('cycle-small/2034', allStarted);

    const close = await dondoc('cycle', 'close', 'cycle-small/2034');
    expect(close).toMatchObject({ code: 0, stderr: '' });
    expect(close.stdout).toContain('Đã đóng chu kỳ cycle-small/2034: 3 đơn vị');

    const status = await statusWhen('cycle-small/2034', (s) => s.units.every((unit) => unit.closed));
    expect(status.cycle.closed).toBe(true);
    const again = await dondoc('cycle', 'close', 'cycle-small/2034');
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(again.stdout).toContain('Chu kỳ cycle-small/2034 đã đóng từ trước: 3 đơn vị');

    const submit = await dondoc('submit', 'cycle-small/2034', 'xa-dong', 'ke-hoach');
    expect(submit.code).toBe(2);
    expect(submit.stderr).toContain('cycle cycle-small/2034: unit xa-dong is closed');
    const amend = await dondoc('cycle', 'amend', 'cycle-small/2034', '--remove', 'xa-dong');
    expect(amend.code).toBe(2);
    expect(amend.stderr).toContain('cycle cycle-small/2034 is closed');
  });
});
