import { CommandRejected } from '../../../domain/cycle/command-rejected';
import { checkAmend } from '../../../domain/cycle/cycle-commands';
import { clearFailure, CYCLE_RETRY_AFTER_MS, recordFailure } from '../../../domain/cycle/cycle-failures';
import type { CycleWorkflowInput } from '../../../domain/cycle/cycle-input';
import {
  aggregationSubject,
  CLOSE_UNITS,
  collectResolved,
  dueAggregations,
  dueDigest,
  dueFinals,
  finalAggregationSubject,
  hasWorkNow,
  initialCycleState,
  nextCycleWakeMs,
  SEND_DIGEST,
  START_UNITS,
  unitsToStart,
} from '../../../domain/cycle/cycle-progress';

const at = (day: string, time = '08:00'): string => `2031-${day}T${time}:00+07:00`;
const ms = (day: string, time = '08:00'): number => Date.parse(at(day, time));
const HOUR = 60 * 60 * 1000;

const input: CycleWorkflowInput = {
  cycle: { planId: 'cycle-small', year: 2031, issuedOn: '2031-03-02' },
  plan: { id: 'cycle-small', title: 'Kế hoạch thử nghiệm', issuer: 'UBND huyện', year: 2031 },
  planSnapshot: 'snapshot',
  unitIds: ['xa-dong', 'xa-tay'],
  aggregations: [{ obligation: 'bao-cao', at: at('05-14') }],
  digests: [at('05-05'), at('05-12'), at('05-19')],
  supervisor: { name: 'Phòng Nội vụ', contacts: [] },
  channels: { zns: false, oa: false },
};
const AGGREGATION = aggregationSubject(input.aggregations[0]!);

/** The state after the units were started and the digests before `day` were sent. */
function runningState(day: string) {
  const state = initialCycleState(input);
  state.started = state.unitIds.length;
  state.digestsSent = input.digests.filter((d) => d < at(day, '00:00'));
  return state;
}

describe('cycle progress', () => {
  it('starts the units at once, then sleeps until the next aggregation or digest', () => {
    const state = initialCycleState(input);
    expect(unitsToStart(state, ms('05-13'))).toBe(true);
    expect(hasWorkNow(input, state, ms('05-13'))).toBe(true);
    const running = runningState('05-13');
    expect(hasWorkNow(input, running, ms('05-13', '09:00'))).toBe(false);
    expect(nextCycleWakeMs(input, running, ms('05-13', '09:00'))).toBe(ms('05-14'));
    expect(dueAggregations(input, running, ms('05-14'))).toEqual(input.aggregations);
  });

  it('sends only the latest digest that is due, covering the missed ones', () => {
    const state = runningState('05-05');
    expect(dueDigest(input, state, ms('05-13'))).toEqual({ at: at('05-12'), covers: [at('05-05'), at('05-12')] });
    state.digestsSent.push(at('05-05'), at('05-12'));
    expect(dueDigest(input, state, ms('05-13'))).toBeUndefined();
  });

  it('retries a failed aggregation after the back-off, never in a busy loop', () => {
    const state = runningState('05-14');
    const failedAt = ms('05-14', '10:20');
    recordFailure(state.failures, AGGREGATION, '451 Try again later', failedAt);
    expect(dueAggregations(input, state, failedAt)).toEqual([]);
    expect(hasWorkNow(input, state, failedAt)).toBe(false);
    expect(nextCycleWakeMs(input, state, failedAt)).toBe(failedAt + CYCLE_RETRY_AFTER_MS);
    expect(dueAggregations(input, state, failedAt + HOUR)).toEqual(input.aggregations);
    expect(hasWorkNow(input, state, failedAt + HOUR)).toBe(true);
  });

  it('keeps one failure per activity and subject, counting the tries, until it succeeds', () => {
    const state = runningState('05-14');
    recordFailure(state.failures, AGGREGATION, 'first', ms('05-14', '10:20'));
    recordFailure(state.failures, SEND_DIGEST, 'digest', ms('05-14', '10:30'));
    const again = recordFailure(state.failures, AGGREGATION, 'second', ms('05-14', '13:40'));
    expect(state.failures).toHaveLength(2);
    expect(again).toEqual({
      activity: 'aggregateObligation',
      subject: 'bao-cao@2031-05-14T08:00:00+07:00',
      obligationId: 'bao-cao',
      at: at('05-14', '13:40'),
      message: 'second',
      attempt: 2,
      retryAt: at('05-14', '14:40'),
    });
    clearFailure(state.failures, AGGREGATION);
    expect(state.failures.map((f) => f.activity)).toEqual(['sendDigest']);
  });

  it('does not retry starting units during the back-off, even when units were added meanwhile', () => {
    const state = initialCycleState(input);
    recordFailure(state.failures, START_UNITS, 'unavailable', ms('05-13'));
    state.unitIds.push('xa-bac');
    expect(unitsToStart(state, ms('05-13', '08:30'))).toBe(false);
    expect(unitsToStart(state, ms('05-13', '09:00'))).toBe(true);
  });

  it('re-aggregates once when the last outstanding unit is in', () => {
    const state = runningState('05-14');
    state.outstanding['bao-cao'] = ['xa-dong', 'xa-tay'];
    state.resolved.push(
      { unitId: 'xa-dong', obligationId: 'bao-cao' },
      { unitId: 'xa-dong', obligationId: 'ke-hoach' },
    );
    expect(hasWorkNow(input, state, ms('05-15'))).toBe(true);
    collectResolved(state);
    expect([state.outstanding, state.finalDue, state.resolved]).toEqual([{ 'bao-cao': ['xa-tay'] }, [], []]);
    state.resolved.push({ unitId: 'xa-tay', obligationId: 'bao-cao' });
    collectResolved(state);
    expect([state.outstanding, state.finalDue]).toEqual([{}, ['bao-cao']]);
    recordFailure(state.failures, finalAggregationSubject('bao-cao'), 'down', ms('05-20'));
    expect(dueFinals(state, ms('05-20', '08:30'))).toEqual([]);
    expect(dueFinals(state, ms('05-20', '09:00'))).toEqual(['bao-cao']);
  });

  it('once closing, only the close counts: no wake for anything else', () => {
    const state = runningState('05-14');
    state.closing = true;
    state.resolved.push({ unitId: 'xa-dong', obligationId: 'bao-cao' });
    expect(hasWorkNow(input, state, ms('05-14', '09:00'))).toBe(true);
    recordFailure(state.failures, CLOSE_UNITS, 'down', ms('05-14', '09:00'));
    expect(hasWorkNow(input, state, ms('05-14', '09:30'))).toBe(false);
    expect(nextCycleWakeMs(input, state, ms('05-14', '09:30'))).toBe(ms('05-14', '10:00'));
  });

  it('refuses to amend a closed cycle or to remove a unit it does not have', () => {
    const state = runningState('05-14');
    expect(() => checkAmend(state, { remove: ['xa-dong'], add: ['xa-bac'] })).not.toThrow();
    expect(() => checkAmend(state, { remove: ['xa-nam'] })).toThrow(
      new CommandRejected('Đơn vị «xa-nam» không thuộc chu kỳ này'),
    );
    state.closing = true;
    expect(() => checkAmend(state, {})).toThrow(new CommandRejected('Chu kỳ đã đóng'));
  });
});
