import { applySubmit, applyWaive } from '../../../domain/cycle/unit-commands';
import { manualReminderNotification, nextDueBoundaryMs } from '../../../domain/cycle/unit-events';
import { initialUnitState, levelReached, nextEventOf } from '../../../domain/cycle/unit-state';
import { compileCycle } from '../../helpers/cycle';
import { seedPlan } from '../../helpers/plans';

const cycle = compileCycle(seedPlan(), 2022, '2022-04-20');
/** bao-cao-6-thang: due 10/05; levels 1-3 on 11/05, 13/05 and 19/05, level 3 again on 26/05, 02/06… */
const halfYear = cycle.unitWith('xa-ia-tul', 'bao-cao-6-thang');
/** Adds ke-hoach-tu-kiem-tra: due 20/05. */
const both = cycle.unitWith('xa-ia-tul', 'bao-cao-6-thang', 'ke-hoach-tu-kiem-tra');
const at = (day: string, time = '08:00'): string => `2022-${day}T${time}:00+07:00`;
const ms = (day: string, time = '08:00'): number => Date.parse(at(day, time));

// The unit workflow no longer sends reminders or escalations (the cycle dispatches them): it wakes on its own only
// when an open obligation turns overdue, and its level is derived from its ladder.
describe('nextDueBoundaryMs', () => {
  it('is the end of the earliest open due date still ahead; none once everything is resolved', () => {
    const state = initialUnitState(both);
    expect(nextDueBoundaryMs(state, ms('04-20', '07:30'))).toBe(ms('05-11', '00:00'));
    expect(nextDueBoundaryMs(state, ms('05-11', '00:00'))).toBe(ms('05-21', '00:00'));
    applyWaive(state, { obligationId: 'ke-hoach-tu-kiem-tra', reason: 'Sáp nhập' }, at('05-12', '09:00'));
    expect(nextDueBoundaryMs(state, ms('05-12', '09:00'))).toBeUndefined();
    applySubmit(state, { obligationId: 'bao-cao-6-thang' }, undefined, at('05-12', '10:00'));
    expect(nextDueBoundaryMs(state, ms('04-20'))).toBeUndefined();
  });
});

describe('levelReached', () => {
  it('is the last escalation before now, whatever was sent; frozen once the obligation is resolved', () => {
    const state = initialUnitState(halfYear);
    const obligation = state.obligations[0]!;
    expect(levelReached(obligation, ms('05-10', '23:00'))).toBe(0);
    expect(levelReached(obligation, ms('05-11'))).toBe(1);
    expect(levelReached(obligation, ms('05-20', '10:00'))).toBe(3);
    expect(nextEventOf(obligation, ms('05-20', '10:00'))?.at).toBe(at('05-26'));
    applySubmit(state, { obligationId: 'bao-cao-6-thang' }, undefined, at('05-12', '15:00'));
    expect(levelReached(obligation, ms('06-30'))).toBe(1);
    expect(nextEventOf(obligation, ms('05-12', '15:00'))).toBeUndefined();
  });
});

describe('manualReminderNotification', () => {
  it('is a reminder to the unit now, with the working days left and the next escalation', () => {
    const state = initialUnitState(halfYear);
    const notification = manualReminderNotification(halfYear, state, {
      obligationId: 'bao-cao-6-thang',
      at: at('05-05', '15:20'),
      workingDaysLeft: 3,
    });
    expect(notification).toMatchObject({
      kind: 'reminder',
      scheduledAt: at('05-05', '15:20'),
      unit: { id: 'xa-ia-tul' },
      obligations: [{ id: 'bao-cao-6-thang', dueDate: '2022-05-10', workingDaysLeft: 3 }],
      nextEscalation: { level: 1, at: at('05-11') },
    });
    expect(notification.key).toContain(`/reminder-3@${at('05-05', '15:20')}`);
  });
});
