import { nextDayMorning, nextMorning, znsSendWindow } from '../../../channels/zalo';

describe('znsSendWindow (22:00–06:00 Vietnam time is closed)', () => {
  it.each([
    ['2022-10-17T06:00:00+07:00', true],
    ['2022-10-17T12:00:00+07:00', true],
    ['2022-10-17T21:59:59+07:00', true],
    ['2022-10-17T22:00:00+07:00', false],
    ['2022-10-17T23:00:00+07:00', false],
    ['2022-10-18T00:30:00+07:00', false],
    ['2022-10-18T05:59:59+07:00', false],
  ])('at %s open is %s', (instant, open) => {
    expect(znsSendWindow(new Date(instant)).open).toBe(open);
  });

  it('defers a send at 23:00 to 06:00 the next morning', () => {
    expect(znsSendWindow(new Date('2022-10-17T23:00:00+07:00'))).toEqual({
      open: false,
      notBefore: '2022-10-18T06:00:00+07:00',
    });
  });

  it('defers a send at 02:00 to 06:00 the same morning, across a month end', () => {
    expect(znsSendWindow(new Date('2022-10-31T19:00:00Z'))).toEqual({
      open: false,
      notBefore: '2022-11-01T06:00:00+07:00',
    });
  });

  it('does not depend on the process time zone (16:30 UTC is 23:30 in Vietnam)', () => {
    expect(znsSendWindow(new Date('2022-12-31T16:30:00Z'))).toEqual({
      open: false,
      notBefore: '2023-01-01T06:00:00+07:00',
    });
  });
});

describe('deferral instants', () => {
  it('nextMorning is the first 06:00 strictly after now', () => {
    expect(nextMorning(new Date('2022-10-17T06:00:00+07:00'))).toBe('2022-10-18T06:00:00+07:00');
    expect(nextMorning(new Date('2022-10-17T05:00:00+07:00'))).toBe('2022-10-17T06:00:00+07:00');
  });

  it('nextDayMorning is 06:00 of the next local day (when the daily limits have reset)', () => {
    expect(nextDayMorning(new Date('2022-10-17T09:00:00+07:00'))).toBe('2022-10-18T06:00:00+07:00');
    expect(nextDayMorning(new Date('2022-10-17T18:00:00Z'))).toBe('2022-10-19T06:00:00+07:00');
  });
});
