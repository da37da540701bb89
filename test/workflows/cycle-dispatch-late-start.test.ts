import path from 'node:path';
import { startCycleHarness, type CycleHarness } from './cycle-harness';

const CYCLE_SMALL = path.resolve(__dirname, '..', 'fixtures', 'plans', 'cycle-small.yaml');
/** cycle-small's people: Phòng Nội vụ's head (also the supervisor), the two communes' heads, one leader. */
const NOI_VU = 'noi-vu@thu-nghiem.example';
const XA_DONG = 'xa-dong@thu-nghiem.example';
const XA_TAY = 'xa-tay@thu-nghiem.example';
const LEADER = 'phochutich@thu-nghiem.example';
const PEOPLE = [NOI_VU, XA_DONG, XA_TAY, LEADER];

/**
 * cycle-small 2031 (issued 03/02: ke-hoach due 17/03, bao-cao due 12/05) started four months late: both obligations
 * of every unit are at level 3 with repeats behind them. The dispatcher must not replay that ladder.
 */
describe('cycleWorkflow dispatcher: a cycle started months late', () => {
  describe('with the default catch-up', () => {
    let cycle: CycleHarness;
    const START = '2031-09-15T09:00:00+07:00';

    beforeAll(async () => {
      cycle = await startCycleHarness({ planFile: CYCLE_SMALL, year: 2031, planStart: START });
    });

    afterAll(async () => {
      await cycle?.teardown();
    });

    it('sends each person one catch-up message at once, listing every item they are told about', async () => {
      const status = await cycle.waitForStatus((s) => s.dispatch.moments >= 1);
      expect(status.dispatch).toMatchObject({ moments: 1, sent: PEOPLE.length, held: 0, failed: 0, unknown: 0 });
      for (const person of PEOPLE) expect(cycle.deadlineEmailsTo(person)).toHaveLength(1);
      expect(cycle.emails('reminder', 'escalation')).toHaveLength(PEOPLE.length);

      const [xaDong] = cycle.deadlineEmailsTo(XA_DONG);
      expect(xaDong).toMatchObject({ kind: 'escalation', level: '3', unit: 'xa-dong' });
      expect(xaDong!.obligations.sort()).toEqual(['bao-cao', 'ke-hoach']);
      // A catch-up says what is overdue, not "lần 3": the missed ladder is not replayed.
      expect(xaDong!.subject).toBe('[Tổng hợp quá hạn] UBND xã Đông chậm thực hiện — Kế hoạch thử nghiệm chu kỳ');
      // The supervisor and the leader hear of every unit, each obligation once, at the level it reached.
      const [noiVu] = cycle.deadlineEmailsTo(NOI_VU);
      expect(noiVu!.subject).toMatch(/^\[Tổng hợp quá hạn\]/);
      expect(noiVu!.items.sort()).toEqual([
        'phong-noi-vu/ke-hoach/3',
        'xa-dong/bao-cao/3',
        'xa-dong/ke-hoach/3',
        'xa-tay/bao-cao/3',
        'xa-tay/ke-hoach/3',
      ]);
      expect(cycle.deadlineEmailsTo(LEADER)[0]!.items).toHaveLength(5);

      const rows = await cycle.messages();
      expect(rows.map((r) => [r.channel, r.address, r.status, r.via])).toEqual(
        expect.arrayContaining(PEOPLE.map((p) => ['email', p, 'sent', 'email'])),
      );
      expect(rows).toHaveLength(PEOPLE.length);
      expect(rows.every((r) => r.items.every((i) => i.catchUp && i.level === 3))).toBe(true);
    });

    it('then goes on with the live ladder: one message per person per moment, never the past again', async () => {
      // The next repeats of level 3 fall on 16/09 (ke-hoach) and 17/09 (bao-cao) or so: two more moments.
      await cycle.sleepUntil('2031-09-30T09:00:00+07:00');
      const status = await cycle.status();
      expect(status.dispatch.moments).toBeGreaterThan(1);
      expect(cycle.deadlineEmailsTo(XA_DONG).length).toBeGreaterThan(1);
      for (const person of PEOPLE) {
        const received = cycle.deadlineEmailsTo(person);
        // One email per moment, and never two about one moment.
        expect(new Set(received.map((e) => e.scheduledAt)).size).toBe(received.length);
        expect(received.slice(1).every((e) => e.scheduledAt > '2031-09-15T09:01')).toBe(true);
        expect(received.slice(1).every((e) => !e.subject.startsWith('[Tổng hợp quá hạn]'))).toBe(true);
      }
      expect(cycle.emails('reminder')).toEqual([]);
    });
  });

  describe('at 23:00', () => {
    let cycle: CycleHarness;

    beforeAll(async () => {
      cycle = await startCycleHarness({ planFile: CYCLE_SMALL, year: 2031, planStart: '2031-09-15T23:00:00+07:00' });
    });

    afterAll(async () => {
      await cycle?.teardown();
    });

    it('holds the catch-up until sending hours open at 07:00', async () => {
      await cycle.waitForStatus((s) => s.started === s.units);
      await cycle.sleepUntil('2031-09-16T06:59:00+07:00');
      expect(cycle.emails('reminder', 'escalation')).toEqual([]);
      expect((await cycle.status()).dispatch.moments).toBe(0);

      await cycle.sleepUntil('2031-09-16T07:10:00+07:00');
      await cycle.waitForStatus((s) => s.dispatch.moments >= 1);
      for (const person of PEOPLE) {
        expect(cycle.deadlineEmailsTo(person).map((e) => e.scheduledAt)).toEqual(['2031-09-16T07:00:00+07:00']);
      }
    });
  });

  describe("with catch-up 'none'", () => {
    let cycle: CycleHarness;

    beforeAll(async () => {
      cycle = await startCycleHarness({
        planFile: CYCLE_SMALL,
        year: 2031,
        planStart: '2031-09-15T09:00:00+07:00',
        catchUp: 'none',
      });
    });

    afterAll(async () => {
      await cycle?.teardown();
    });

    it('sends nothing of the past and records what it skipped per unit for the dashboard', async () => {
      const status = await cycle.waitForStatus((s) => s.dispatch.moments >= 1);
      expect(cycle.emails('reminder', 'escalation')).toEqual([]);
      const rows = await cycle.messages();
      expect(rows.map((r) => [r.channel, r.address, r.status]).sort()).toEqual([
        ['none', 'phong-noi-vu', 'skipped'],
        ['none', 'xa-dong', 'skipped'],
        ['none', 'xa-tay', 'skipped'],
      ]);
      expect(status.dispatch.skipped).toBeGreaterThan(0);
    });
  });
});
