import path from 'node:path';
import { startCycleHarness, type CycleHarness } from './cycle-harness';

const CYCLE_SMALL = path.resolve(__dirname, '..', 'fixtures', 'plans', 'cycle-small.yaml');
const LEADER = 'phochutich@thu-nghiem.example';
const NOI_VU = 'noi-vu@thu-nghiem.example';
const XA_DONG = 'xa-dong@thu-nghiem.example';
const START = '2031-05-27T07:30:00+07:00';
const at = (day: string): string => `2031-${day}T08:00:00+07:00`;

/**
 * cycle-small 2031 issued 01/05 (bao-cao at level 3 since 21/05, again on 28/05; ke-hoach reaches level 3 on 27/05
 * 08:00), started on Tuesday 27/05 at 07:30: the catch-up goes out at 07:30 and the ladder's moment at 08:00. The
 * leadership may get one message a day (plan default), the others two.
 */
describe('cycleWorkflow dispatcher: daily caps', () => {
  let cycle: CycleHarness;

  beforeAll(async () => {
    cycle = await startCycleHarness({ planFile: CYCLE_SMALL, year: 2031, issuedOn: '2031-05-01', planStart: START });
  });

  afterAll(async () => {
    await cycle?.teardown();
  });

  it('holds what exceeds the leader’s one message a day, and merges it into the next working day’s message', async () => {
    await cycle.sleepUntil('2031-05-27T09:00:00+07:00');
    // The catch-up's moment is the cycle's first workflow task: a second after 07:30 on a loaded machine.
    const started = cycle.deadlineEmailsTo(XA_DONG)[0]?.scheduledAt ?? '';
    expect(started.slice(0, 16)).toBe(START.slice(0, 16));
    // Two moments today: the catch-up and 08:00. Phòng Nội vụ and the communes get both; the leader only the first.
    expect(cycle.deadlineEmailsTo(XA_DONG).map((e) => e.scheduledAt)).toEqual([started, at('05-27')]);
    expect(cycle.deadlineEmailsTo(NOI_VU).map((e) => e.scheduledAt)).toEqual([started, at('05-27')]);
    expect(cycle.deadlineEmailsTo(LEADER).map((e) => e.scheduledAt)).toEqual([started]);
    const held = (await cycle.messages()).find((r) => r.address === LEADER && r.scheduledAt === at('05-27'));
    expect(held).toMatchObject({ status: 'held', releaseAt: at('05-28') });
    expect(held?.reason).toMatch(/^Đã đủ 1 tin trong ngày/);
    expect(held?.items.map((i) => `${i.unitId}/${i.obligationId}/${i.level}`).sort()).toEqual([
      'phong-noi-vu/ke-hoach/3',
      'xa-dong/ke-hoach/3',
      'xa-tay/ke-hoach/3',
    ]);

    await cycle.sleepUntil('2031-05-28T09:00:00+07:00');
    const leader = cycle.deadlineEmailsTo(LEADER);
    expect(leader.map((e) => e.scheduledAt)).toEqual([started, at('05-28')]);
    // 28/05: bao-cao's repeat of level 3 and, merged in, what was held yesterday; each item once.
    expect(leader[1]!.items.sort()).toEqual([
      'phong-noi-vu/ke-hoach/3',
      'xa-dong/bao-cao/3',
      'xa-dong/ke-hoach/3',
      'xa-tay/bao-cao/3',
      'xa-tay/ke-hoach/3',
    ]);
    const rows = await cycle.messages();
    const merged = rows.find((r) => r.key === held!.key);
    expect(merged).toMatchObject({ status: 'merged', mergedInto: leader[1]!.key });
    expect(rows.filter((r) => r.address === LEADER && r.status === 'held')).toEqual([]);
  });
});
