import { statutoryDaysOff } from '../../../domain/calendar';
import { formatLocalDate, isoWeekday, parseLocalDate } from '../../../domain/local-date';

const RULES = { culturalDay: false, tz: 7 };

function listed(year: number, options = RULES): string[] {
  return statutoryDaysOff(year, options).map((off) => `${formatLocalDate(off.day)} ${off.kind} ${off.name}`);
}

describe('the statutory days off (Bộ luật Lao động 2019 Điều 111–112, before announcements)', () => {
  it('gives 2022 its holidays and substitute days', () => {
    expect(listed(2022)).toEqual([
      '2022-01-01 holiday Tết Dương lịch',
      '2022-01-03 substitute Nghỉ bù Tết Dương lịch',
      '2022-01-31 holiday Tết Âm lịch Nhâm Dần (29 tháng Chạp)',
      '2022-02-01 holiday Tết Âm lịch Nhâm Dần (mùng 1)',
      '2022-02-02 holiday Tết Âm lịch Nhâm Dần (mùng 2)',
      '2022-02-03 holiday Tết Âm lịch Nhâm Dần (mùng 3)',
      '2022-02-04 holiday Tết Âm lịch Nhâm Dần (mùng 4)',
      '2022-04-10 holiday Giỗ Tổ Hùng Vương',
      '2022-04-11 substitute Nghỉ bù Giỗ Tổ Hùng Vương',
      '2022-04-30 holiday Ngày Chiến thắng',
      '2022-05-01 holiday Ngày Quốc tế Lao động',
      '2022-05-02 substitute Nghỉ bù Ngày Chiến thắng',
      '2022-05-03 substitute Nghỉ bù Ngày Quốc tế Lao động',
      '2022-09-01 holiday Quốc khánh (ngày nghỉ liền kề)',
      '2022-09-02 holiday Quốc khánh',
    ]);
  });

  it('derives the provisional 2027 schedule of reference §2.3', () => {
    expect(listed(2027)).toEqual([
      '2027-01-01 holiday Tết Dương lịch',
      '2027-02-05 holiday Tết Âm lịch Đinh Mùi (29 tháng Chạp)',
      '2027-02-06 holiday Tết Âm lịch Đinh Mùi (mùng 1)',
      '2027-02-07 holiday Tết Âm lịch Đinh Mùi (mùng 2)',
      '2027-02-08 holiday Tết Âm lịch Đinh Mùi (mùng 3)',
      '2027-02-09 holiday Tết Âm lịch Đinh Mùi (mùng 4)',
      // Tết days on the weekend: the same nghỉ-bù rule, provisional until the Prime Minister announces Tết 2027.
      '2027-02-10 substitute Nghỉ bù Tết Âm lịch Đinh Mùi (mùng 1)',
      '2027-02-11 substitute Nghỉ bù Tết Âm lịch Đinh Mùi (mùng 2)',
      '2027-04-16 holiday Giỗ Tổ Hùng Vương',
      '2027-04-30 holiday Ngày Chiến thắng',
      '2027-05-01 holiday Ngày Quốc tế Lao động',
      '2027-05-03 substitute Nghỉ bù Ngày Quốc tế Lao động',
      '2027-09-02 holiday Quốc khánh',
      '2027-09-03 holiday Quốc khánh (ngày nghỉ liền kề)',
    ]);
  });

  it.each([
    [2022, '2022-01-31', 29],
    [2023, '2023-01-21', 30],
    [2024, '2024-02-09', 30],
    [2025, '2025-01-28', 29],
    [2026, '2026-02-16', 29],
    [2027, '2027-02-05', 29],
    [2028, '2028-01-25', 29],
    [2029, '2029-02-12', 29],
    [2030, '2030-02-01', 29],
    [2031, '2031-01-22', 29],
  ])('gives Tết %i five days from %s (%i tháng Chạp)', (year, eve, lastDay) => {
    const tet = statutoryDaysOff(year, RULES).filter((off) => off.kind === 'holiday' && off.name.startsWith('Tết Âm'));
    const first = parseLocalDate(eve) as number;
    expect(tet.map((off) => off.day)).toEqual([first, first + 1, first + 2, first + 3, first + 4]);
    expect(tet[0]?.name).toContain(`(${lastDay} tháng Chạp)`);
    expect(tet[1]?.name).toContain('(mùng 1)');
  });

  it('puts Giỗ Tổ 2031 on the regular 3rd month (Tue 01/04), not the leap one', () => {
    const gioTo = statutoryDaysOff(2031, RULES).find((off) => off.name === 'Giỗ Tổ Hùng Vương');
    expect(formatLocalDate(gioTo?.day ?? NaN)).toBe('2031-04-01');
  });

  it.each([
    // 2/9 on Mon, Tue, Wed, Thu, Fri, Sat, Sun → the day joining it
    [2024, 1, '2024-09-03'],
    [2025, 2, '2025-09-01'],
    [2026, 3, '2026-09-01'],
    [2027, 4, '2027-09-03'],
    [2022, 5, '2022-09-01'],
    [2023, 6, '2023-09-01'],
    [2029, 7, '2029-09-03'],
  ])('joins 2/9/%i (weekday %i) with %s', (year, weekday, companion) => {
    expect(isoWeekday(parseLocalDate(`${year}-09-02`) as number)).toBe(weekday);
    expect(listed(year)).toContain(`${companion} holiday Quốc khánh (ngày nghỉ liền kề)`);
  });

  it('gives a substitute for 2/9 on a Sunday after the day joining it', () => {
    expect(listed(2029).filter((line) => line.startsWith('2029-09'))).toEqual([
      '2029-09-02 holiday Quốc khánh',
      '2029-09-03 holiday Quốc khánh (ngày nghỉ liền kề)',
      '2029-09-04 substitute Nghỉ bù Quốc khánh',
    ]);
  });

  it('adds Ngày Văn hóa Việt Nam (24/11) only when switched on', () => {
    expect(listed(2026).filter((line) => line.startsWith('2026-11'))).toEqual([]);
    expect(listed(2026, { culturalDay: true, tz: 7 }).filter((line) => line.startsWith('2026-11'))).toEqual([
      '2026-11-24 holiday Ngày Văn hóa Việt Nam',
    ]);
    expect(listed(2029, { culturalDay: true, tz: 7 }).filter((line) => line.startsWith('2029-11'))).toEqual([
      '2029-11-24 holiday Ngày Văn hóa Việt Nam',
      '2029-11-26 substitute Nghỉ bù Ngày Văn hóa Việt Nam',
    ]);
  });

  it('computes Tết with the given time zone', () => {
    const firstTetDay = (tz: number) =>
      statutoryDaysOff(2030, { culturalDay: false, tz }).find((off) => off.name.includes('(mùng 1)'))?.day;
    expect(formatLocalDate(firstTetDay(7) ?? NaN)).toBe('2030-02-02');
    expect(formatLocalDate(firstTetDay(8) ?? NaN)).toBe('2030-02-03');
  });
});
