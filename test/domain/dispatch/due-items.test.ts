import type { UnitWorkflowInput } from '../../../domain/cycle/unit-input';
import { nextEventMs, selectDueItems, type UnitDueView } from '../../../domain/dispatch/due-items';
import { compileCycle } from '../../helpers/cycle';
import { seedPlan } from '../../helpers/plans';

const cycle = compileCycle(seedPlan(), 2022, '2022-04-20');
/** bao-cao-6-thang: due 10/05; levels 1-3 on 11/05, 13/05 and 19/05, level 3 again on 26/05, 02/06… */
const halfYear = cycle.unitWith('xa-ia-tul', 'bao-cao-6-thang');
/** Adds ke-hoach-tu-kiem-tra: due 20/05; its first reminder shares 06/05 08:00 with the report's. */
const both = cycle.unitWith('xa-ia-tul', 'bao-cao-6-thang', 'ke-hoach-tu-kiem-tra');
const at = (day: string, time = '08:00'): string => `2022-${day}T${time}:00+07:00`;
const ms = (day: string, time = '08:00'): number => Date.parse(at(day, time));

/** The unit as the dispatcher reads it from its status; `resolved` lists its submitted or waived obligations. */
function viewOf(input: UnitWorkflowInput, startedAt: string | undefined, resolved: string[] = []): UnitDueView {
  return {
    unitId: input.unit.id,
    ...(startedAt && { startedAt }),
    obligations: input.obligations.map((o) => ({ id: o.id, resolved: resolved.includes(o.id), events: o.events })),
  };
}

const brief = (items: ReturnType<typeof selectDueItems>['items']) =>
  items.map((i) => [i.obligationId, i.at, i.type, i.level, i.repeat, i.catchUp]);

describe('selectDueItems', () => {
  it('on time: nothing before the first instant, then each event in its own window', () => {
    const unit = viewOf(halfYear, at('04-20', '07:30'));
    expect(selectDueItems([unit], { fromMs: undefined, toMs: ms('04-20', '07:30') })).toEqual({
      items: [],
      skipped: [],
    });
    const { items } = selectDueItems([unit], { fromMs: ms('04-20', '07:30'), toMs: ms('04-22') });
    expect(items).toEqual([
      {
        unitId: 'xa-ia-tul',
        obligationId: 'bao-cao-6-thang',
        type: 'reminder',
        level: 0,
        repeat: 0,
        at: at('04-22'),
        audiences: ['unit'],
        catchUp: false,
      },
    ]);
    // The same instant is not due twice: the window starts after the previous moment.
    expect(selectDueItems([unit], { fromMs: ms('04-22'), toMs: ms('04-22', '09:00') }).items).toEqual([]);
  });

  it('catches a late start up with one summary item at the highest level reached, and no past reminders', () => {
    const unit = viewOf(halfYear, at('05-20', '10:00'));
    const { items, skipped } = selectDueItems([unit], { fromMs: undefined, toMs: ms('05-20', '10:00') });
    expect(items).toEqual([
      expect.objectContaining({
        at: at('05-19'),
        type: 'escalation',
        level: 3,
        repeat: 0,
        audiences: ['unit', 'supervisor', 'leadership'],
        catchUp: true,
      }),
    ]);
    expect(skipped).toEqual([]);
  });

  it("with catch-up 'none' sends nothing of the past and reports every missed event as skipped", () => {
    const unit = viewOf(halfYear, at('05-20', '10:00'));
    const { items, skipped } = selectDueItems([unit], { fromMs: undefined, toMs: ms('05-20', '10:00') }, 'none');
    expect(items).toEqual([]);
    const ladder = halfYear.obligations[0]!.events.filter((e) => e.at < at('05-20'));
    expect(skipped.map((i) => [i.at, i.catchUp])).toEqual(ladder.map((e) => [e.at, true]));
  });

  it('catches up with nothing when only reminders are past, and sends an event due at the very start as live', () => {
    const late = viewOf(halfYear, at('05-02', '10:00'));
    expect(selectDueItems([late], { fromMs: undefined, toMs: ms('05-02', '10:00') }).items).toEqual([]);
    const onTheDot = viewOf(halfYear, at('05-06'));
    expect(brief(selectDueItems([onTheDot], { fromMs: undefined, toMs: ms('05-06') }).items)).toEqual([
      ['bao-cao-6-thang', at('05-06'), 'reminder', 0, 0, false],
    ]);
  });

  it('catches up a unit that started after the previous moment (added later) while the others continue their ladder', () => {
    const running = viewOf(halfYear, at('04-20', '07:30'));
    const added = { ...viewOf(halfYear, at('05-20', '10:00')), unitId: 'xa-chu-mo' };
    const { items } = selectDueItems([running, added], { fromMs: ms('05-19'), toMs: ms('05-20', '10:00') });
    // The running unit had nothing since 19/05; the added one gets its level-3 summary.
    expect(items.map((i) => [i.unitId, i.at, i.level, i.catchUp])).toEqual([['xa-chu-mo', at('05-19'), 3, true]]);
  });

  it('after an outage keeps only the latest instant that fell due, not every missed one', () => {
    const unit = viewOf(halfYear, at('04-20', '07:30'));
    const { items } = selectDueItems([unit], { fromMs: ms('05-20', '10:00'), toMs: ms('06-03', '09:00') });
    expect(brief(items)).toEqual([['bao-cao-6-thang', at('06-02'), 'escalation', 3, 2, false]]);
  });

  it('lists the obligations due at one instant side by side, and skips a resolved obligation', () => {
    const window = { fromMs: ms('05-02'), toMs: ms('05-06') };
    const open = viewOf(both, at('04-20', '07:30'));
    expect(selectDueItems([open], window).items.map((i) => [i.obligationId, i.at])).toEqual([
      ['ke-hoach-tu-kiem-tra', at('05-06')],
      ['bao-cao-6-thang', at('05-06')],
    ]);
    const waived = viewOf(both, at('04-20', '07:30'), ['ke-hoach-tu-kiem-tra']);
    expect(selectDueItems([waived], window).items.map((i) => i.obligationId)).toEqual(['bao-cao-6-thang']);
    // A resolved obligation is not caught up either.
    const lateResolved = viewOf(halfYear, at('05-20', '10:00'), ['bao-cao-6-thang']);
    expect(selectDueItems([lateResolved], { fromMs: undefined, toMs: ms('05-20', '10:00') }).items).toEqual([]);
  });
});

describe('nextEventMs', () => {
  it('is the earliest later event of any open obligation; none once everything is resolved', () => {
    expect(nextEventMs([viewOf(both, undefined)], ms('04-20', '07:30'))).toBe(ms('04-22'));
    expect(nextEventMs([viewOf(both, undefined)], ms('04-22'))).toBe(ms('04-29'));
    expect(nextEventMs([viewOf(both, undefined, ['bao-cao-6-thang'])], ms('04-22'))).toBe(ms('05-06'));
    expect(nextEventMs([viewOf(both, undefined, ['bao-cao-6-thang', 'ke-hoach-tu-kiem-tra'])], 0)).toBeUndefined();
  });
});
