import { applySubmit, applyWaive } from '../../../domain/cycle/unit-commands';
import { nextWakeMs, takeDueEvents } from '../../../domain/cycle/unit-events';
import { initialUnitState, type UnitState } from '../../../domain/cycle/unit-state';
import { compileCycle } from '../../helpers/cycle';
import { seedPlan } from '../../helpers/plans';

const cycle = compileCycle(seedPlan(), 2022, '2022-04-20');
/** bao-cao-6-thang: due 10/05; levels 1-3 on 11/05, 13/05 and 19/05, level 3 again on 26/05, 02/06… */
const halfYear = cycle.unitWith('xa-ia-tul', 'bao-cao-6-thang');
/** Adds ke-hoach-tu-kiem-tra: due 20/05; its first reminder shares 06/05 08:00 with the report's. */
const both = cycle.unitWith('xa-ia-tul', 'bao-cao-6-thang', 'ke-hoach-tu-kiem-tra');
const at = (day: string, time = '08:00'): string => `2022-${day}T${time}:00+07:00`;
const ms = (day: string, time = '08:00'): number => Date.parse(at(day, time));
const summary = (state: UnitState, nowMs: number) =>
  takeDueEvents(state, nowMs).map((g) => ({
    at: g.at,
    type: g.type,
    level: g.level,
    repeat: g.repeat,
    audiences: g.audiences,
    obligationIds: g.obligationIds,
    catchUp: g.catchUp,
  }));

describe('takeDueEvents', () => {
  it('starts on time: nothing before the first instant, then each event at its instant', () => {
    const state = initialUnitState(halfYear);
    expect(takeDueEvents(state, ms('04-20', '07:30'))).toEqual([]);
    expect(state.caughtUp).toBe(true);
    expect(summary(state, ms('04-22'))).toEqual([
      {
        at: at('04-22'),
        type: 'reminder',
        level: 0,
        repeat: 0,
        audiences: ['unit'],
        obligationIds: ['bao-cao-6-thang'],
        catchUp: false,
      },
    ]);
    expect(takeDueEvents(state, ms('04-22', '09:00'))).toEqual([]);
  });

  it('catches a late start up with one notice at the highest level reached, and no past reminders', () => {
    const state = initialUnitState(halfYear);
    expect(summary(state, ms('05-20', '10:00'))).toEqual([
      {
        at: at('05-19'),
        type: 'escalation',
        level: 3,
        repeat: 0,
        audiences: ['unit', 'supervisor', 'leadership'],
        obligationIds: ['bao-cao-6-thang'],
        catchUp: true,
      },
    ]);
    expect(state.obligations[0]!.level).toBe(3);
    expect(nextWakeMs(state)).toBe(ms('05-26'));
  });

  it('catches up with nothing when only reminders are past, and sends an event due at the very start', () => {
    const late = initialUnitState(halfYear);
    expect(takeDueEvents(late, ms('05-02', '10:00'))).toEqual([]);
    expect(nextWakeMs(late)).toBe(ms('05-06'));
    const onTheDot = initialUnitState(halfYear);
    expect(summary(onTheDot, ms('05-06')).map((g) => [g.at, g.type, g.catchUp])).toEqual([
      [at('05-06'), 'reminder', false],
    ]);
  });

  it('after an outage sends only the latest instant that fell due, not every missed one', () => {
    const state = initialUnitState(halfYear);
    takeDueEvents(state, ms('05-20', '10:00'));
    expect(summary(state, ms('06-03', '09:00')).map((g) => [g.at, g.level, g.repeat, g.catchUp])).toEqual([
      [at('06-02'), 3, 2, false],
    ]);
  });

  it('puts the obligations due at one instant into one group, and skips a resolved obligation', () => {
    const state = initialUnitState(both);
    takeDueEvents(state, ms('05-02', '10:00'));
    expect(summary(state, ms('05-06')).map((g) => g.obligationIds)).toEqual([
      ['ke-hoach-tu-kiem-tra', 'bao-cao-6-thang'],
    ]);
    applyWaive(state, { obligationId: 'ke-hoach-tu-kiem-tra', reason: 'Sáp nhập' }, at('05-06', '09:00'));
    expect(summary(state, ms('05-13')).map((g) => [g.at, g.obligationIds])).toEqual([
      [at('05-13'), ['bao-cao-6-thang']],
    ]);
  });
});

describe('nextWakeMs', () => {
  it('is the earliest event of an open obligation, or a deferred send; none once everything is resolved', () => {
    const state = initialUnitState(both);
    takeDueEvents(state, ms('04-20', '07:30'));
    expect(nextWakeMs(state)).toBe(ms('04-22'));
    applySubmit(state, { obligationId: 'bao-cao-6-thang' }, undefined, at('04-21', '09:00'));
    expect(nextWakeMs(state)).toBe(ms('05-06'));
    state.deferred.push({
      notBefore: at('05-01', '07:00'),
      channel: 'zns',
      audience: 'unit',
      key: 'k',
      notification: {} as never,
      contactIndex: 0,
    });
    expect(nextWakeMs(state)).toBe(ms('05-01', '07:00'));
    state.deferred = [];
    applyWaive(state, { obligationId: 'ke-hoach-tu-kiem-tra', reason: 'Sáp nhập' }, at('04-21', '10:00'));
    expect(nextWakeMs(state)).toBeUndefined();
  });
});
