import {
  byDate,
  daysAfterIssue,
  duePhrases,
  periodicDates,
  recurring,
  withinMonth,
  withinQuarter,
} from '../../../domain/plan-draft/date-phrases';

describe('date phrases of a Vietnamese plan', () => {
  it.each([
    ['báo cáo trước ngày 10/5', { date: '05-10' }, undefined],
    ['trước ngày 30/10 hằng năm', { date: '10-30' }, 'nam'],
    ['chậm nhất ngày 30/6/2023', { date: '2023-06-30' }, undefined],
    ['trước ngày 15 tháng 12 hằng năm', { date: '12-15' }, 'nam'],
    ['hạn chót là ngày 5 tháng 1 năm 2024', { date: '2024-01-05' }, undefined],
  ])('byDate reads «%s»', (clause, due, period) => {
    const [found, ...rest] = byDate(clause);
    expect(rest).toEqual([]);
    expect(found?.due).toEqual(due);
    expect(found?.period?.slug).toBe(period);
    expect(found?.guess).toBeUndefined();
  });

  it.each(['ngày 14/7/2015 của Ban Bí thư', 'trước ngày 31/2', 'trước khi ban hành các chính sách'])(
    'byDate finds no due date in «%s»',
    (clause) => expect(byDate(clause)).toEqual([]),
  );

  it('reads "định kỳ 6 tháng (10/5), một năm (30/10)" as two periods, with or without "trước ngày"', () => {
    expect(periodicDates('định kỳ 6 tháng (10/5), một năm (30/10) các cơ quan báo cáo')).toEqual([
      { due: { date: '05-10' }, period: { slug: '6-thang', label: '6 tháng' }, phrase: '6 tháng (10/5)' },
      { due: { date: '10-30' }, period: { slug: 'nam', label: 'năm' }, phrase: 'một năm (30/10)' },
    ]);
    expect(periodicDates('Báo cáo 6 tháng (trước ngày 10/6), một năm (trước ngày 10/12)').map((p) => p.due)).toEqual([
      { date: '06-10' },
      { date: '12-10' },
    ]);
  });

  it.each([
    ['chậm nhất 15 ngày kể từ ngày ban hành Kế hoạch này', 15, undefined],
    ['trong vòng 30 ngày kể từ ngày ký', 30, undefined],
    ['Trong vòng 10 ngày làm việc kể từ ngày Kế hoạch này được ban hành', 14, /10 ngày làm việc/],
  ])('daysAfterIssue reads «%s»', (clause, days, guess) => {
    const [found] = daysAfterIssue(clause);
    expect(found?.due).toEqual({ daysAfterIssue: days });
    if (guess) expect(found?.guess).toMatch(guess);
    else expect(found?.guess).toBeUndefined();
  });

  it.each([
    ['hoàn thành trong quý III', { date: '09-30' }],
    ['trong quý 1 năm 2024', { date: '2024-03-31' }],
    ['trong quý IV', { date: '12-31' }],
  ])('withinQuarter guesses the last day of «%s»', (clause, due) => {
    const [found] = withinQuarter(clause);
    expect(found?.due).toEqual(due);
    expect(found?.guess).toMatch(/cuối quý/);
  });

  it.each([
    ['trong tháng 4/2024', { date: '2024-04-30' }],
    ['trong tháng 2', { date: '02-28' }],
    ['trong tháng 2 năm 2024', { date: '2024-02-29' }],
  ])('withinMonth guesses the last day of «%s»', (clause, due) => {
    const [found] = withinMonth(clause);
    expect(found?.due).toEqual(due);
    expect(found?.guess).toMatch(/cuối tháng/);
  });

  it('turns "hằng quý" into four dated periods, on the day named or the last day of the quarter', () => {
    expect(recurring('báo cáo hằng quý, trước ngày 15 của tháng cuối quý').map((p) => [p.period?.slug, p.due])).toEqual(
      [
        ['quy-1', { date: '03-15' }],
        ['quy-2', { date: '06-15' }],
        ['quy-3', { date: '09-15' }],
        ['quy-4', { date: '12-15' }],
      ],
    );
    expect(recurring('báo cáo hằng quý').map((p) => p.due)).toEqual([
      { date: '03-31' },
      { date: '06-30' },
      { date: '09-30' },
      { date: '12-31' },
    ]);
    const monthly = recurring('báo cáo hằng tháng, trước ngày 20');
    expect(monthly).toHaveLength(12);
    expect(monthly[1]?.due).toEqual({ date: '02-20' });
    expect(monthly.every((p) => p.guess !== undefined)).toBe(true);
  });

  it('tries the rules in order and finds nothing in a sentence without a deadline', () => {
    expect(duePhrases('định kỳ 6 tháng (10/5), một năm (30/10) báo cáo trước ngày 1/1')).toHaveLength(2);
    expect(duePhrases('Xây dựng kế hoạch kiểm tra, đánh giá về công tác tiếp dân')).toEqual([]);
  });
});
