import { addWorkingDays, isoWeekday, onOrNextWorkingDay } from './working-days-2022';

// The oracle's own calendar against the 2022 vectors of ../shared/reference/vietnam-deadlines.md §1.3, so that a
// typo in days-off-2022.ts cannot hide behind agreement with the product.
describe('the test oracle’s 2022 working-day calendar', () => {
  it.each([
    ['2022-05-10', '2022-05-10'], // Tuesday: no roll
    ['2022-10-30', '2022-10-31'], // Sunday → Monday (the seed's own non-working deadline)
    ['2022-04-30', '2022-05-04'], // Saturday, then 1/5 Sunday and the nghỉ bù of 2/5 and 3/5
    ['2022-09-02', '2022-09-05'], // Quốc khánh (Friday) → Monday
    ['2022-02-01', '2022-02-07'], // Tết → Monday after the Tết week
  ])('moves a due date of %s to %s (Điều 148 k5)', (nominal, effective) => {
    expect(onOrNextWorkingDay(nominal)).toBe(effective);
  });

  it('counts working days across the 30/4–3/5 break', () => {
    // 22/4 (Fri), 25–29/4, 4/5, 5/5, 6/5, 9/5: the ten working days before 10/5.
    expect(addWorkingDays('2022-05-10', -10)).toBe('2022-04-22');
    expect(addWorkingDays('2022-05-05', 1)).toBe('2022-05-06');
    expect(addWorkingDays('2022-04-29', 1)).toBe('2022-05-04');
  });

  it('stops at the end of 2022, beyond which it has no data', () => {
    expect(addWorkingDays('2022-12-26', 4)).toBe('2022-12-30');
    expect(addWorkingDays('2022-12-26', 5)).toBeUndefined();
  });

  it('knows the weekdays', () => {
    expect(isoWeekday('2022-10-30')).toBe(7);
    expect(isoWeekday('2022-10-31')).toBe(1);
  });
});
