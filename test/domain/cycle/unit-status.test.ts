import { applySubmit, applyWaive } from '../../../domain/cycle/unit-commands';
import { initialUnitState, hasQueuedWork } from '../../../domain/cycle/unit-state';
import { obligationStateName, timelinessOf, unitStatus } from '../../../domain/cycle/unit-status';
import { compileCycle } from '../../helpers/cycle';
import { seedPlan } from '../../helpers/plans';

const input = compileCycle(seedPlan(), 2022, '2022-04-20').unitWith(
  'xa-ia-tul',
  'bao-cao-6-thang',
  'ke-hoach-tu-kiem-tra',
);
const ms = (instant: string): number => Date.parse(instant);

describe('unit status', () => {
  it('is on time until 24:00 plan time of the effective due date', () => {
    expect(timelinessOf('2022-05-10T23:59:59+07:00', '2022-05-10')).toBe('on-time');
    expect(timelinessOf('2022-05-10T17:00:00Z', '2022-05-10')).toBe('late');
  });

  it('names each state: pending, overdue, submitted on time or late, waived', () => {
    const state = initialUnitState(input);
    const report = state.obligations.find((o) => o.id === 'bao-cao-6-thang')!;
    expect(obligationStateName(report, ms('2022-05-10T23:59:59+07:00'))).toBe('pending');
    expect(obligationStateName(report, ms('2022-05-11T00:00:00+07:00'))).toBe('overdue');
    applySubmit(state, { obligationId: report.id }, undefined, '2022-05-11T08:00:00+07:00');
    expect(obligationStateName(report, ms('2022-05-12T00:00:00+07:00'))).toBe('submitted-late');
    report.submissions[0]!.submittedAt = '2022-05-10T16:00:00+07:00';
    expect(obligationStateName(report, ms('2022-05-12T00:00:00+07:00'))).toBe('submitted-on-time');
    const plan = state.obligations.find((o) => o.id === 'ke-hoach-tu-kiem-tra')!;
    applyWaive(state, { obligationId: plan.id, reason: 'Sáp nhập' }, '2022-05-01T09:00:00+07:00');
    expect(obligationStateName(plan, ms('2022-06-01T00:00:00+07:00'))).toBe('waived');
  });

  it("gives each obligation the deliverable and form of the unit's own input", () => {
    const status = unitStatus(input, initialUnitState(input), ms('2022-04-20T07:30:00+07:00'));
    const byId = Object.fromEntries(status.obligations.map((o) => [o.id, o]));
    const reportInput = input.obligations.find((o) => o.id === 'bao-cao-6-thang')!;
    expect(byId['bao-cao-6-thang']).toMatchObject({ deliverable: 'report', form: reportInput.form!.fields });
    expect(byId['ke-hoach-tu-kiem-tra']?.deliverable).toBe('document');
    expect(byId['ke-hoach-tu-kiem-tra']).not.toHaveProperty('form');
    expect(byId['bao-cao-6-thang']?.nextEventAt).toBe('2022-04-22T08:00:00+07:00');
  });

  it('keeps what the main loop still has to do in the state that continue-as-new carries', () => {
    const state = initialUnitState(input);
    expect(hasQueuedWork(state)).toBe(false);
    state.manualReminders.push({ obligationId: 'bao-cao-6-thang', at: '2022-05-02T09:00:00+07:00' });
    expect(hasQueuedWork(state)).toBe(true);
    state.manualReminders = [];
    state.cycleNotices.push('bao-cao-6-thang');
    expect(hasQueuedWork(state)).toBe(true);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });
});
