import { runCli } from '../../cli/program';
import type { CycleSchedule } from '../../domain/schedule/schedule-types';
import { SEED_PLAN_FILE } from '../helpers/plans';

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const code = await runCli(args, { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t) });
  return { code, ...out };
}

describe('dondoc plan schedule', () => {
  it('prints the CONTRACTS.md §2 JSON, with events sorted by time', async () => {
    const { code, stdout } = await cli('plan', 'schedule', SEED_PLAN_FILE, '--year', '2022', '--format', 'json');
    expect(code).toBe(0);
    const schedule = JSON.parse(stdout) as CycleSchedule;
    expect(schedule).toMatchObject({ plan: 'dvcq-ia-pa', year: 2022, timezone: 'Asia/Ho_Chi_Minh' });
    const yearly = schedule.items.find((i) => i.unit === 'xa-ia-tul' && i.obligation === 'bao-cao-nam');
    expect(yearly).toMatchObject({ nominalDueDate: '2022-10-30', dueDate: '2022-10-31' });
    for (const item of schedule.items) {
      const ats = item.events.map((e) => e.at);
      expect([...ats].sort()).toEqual(ats);
    }
    expect(schedule.aggregations).toContainEqual({ obligation: 'bao-cao-nam', at: '2022-11-02T08:00:00+07:00' });
  });

  it('prints a table a Vietnamese officer can read: titles, unit names, weekdays, dd/MM/yyyy', async () => {
    const { code, stdout } = await cli('plan', 'schedule', SEED_PLAN_FILE, '--year', '2022');
    expect(code).toBe(0);
    expect(stdout).toContain('Hạn theo kế hoạch: Chủ nhật 30/10/2022 → hạn thực tế: Thứ Hai 31/10/2022');
    expect(stdout).toContain('UBND xã Ia Tul');
    expect(stdout).toMatch(/17\/10\/2022 {2}Thứ Hai {2}08:00 {2}Nhắc hạn: còn 10 ngày làm việc/);
    expect(stdout).toContain('Đôn đốc cấp 1');
  });

  it('prints an iCalendar file with the due dates', async () => {
    const { code, stdout } = await cli('plan', 'schedule', SEED_PLAN_FILE, '--year', '2022', '--format', 'ics');
    expect(code).toBe(0);
    expect(stdout.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(stdout).toContain('DTSTART;VALUE=DATE:20221031');
  });

  it.each([
    [['--year', 'abc'], "option '--year <year>' argument 'abc' is invalid"],
    [['--year', '2022', '--format', 'pdf'], 'must be one of table, json, ics'],
    [['--year', '2022', '--issued-on', '2021-04-20'], 'the issue date must fall in 2022'],
    [['--year', '2022', '--issued-on', '20/04/2022'], 'must be a date YYYY-MM-DD'],
  ])('rejects %j with exit code 2', async (args, message) => {
    const { code, stderr } = await cli('plan', 'schedule', SEED_PLAN_FILE, ...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe('dondoc calendar', () => {
  it('prints the year as CONTRACTS.md §2 JSON', async () => {
    const { code, stdout } = await cli('calendar', '--year', '2022', '--format', 'json');
    expect(code).toBe(0);
    const year = JSON.parse(stdout) as { year: number; daysOff: { date: string }[]; workingWeekendDays: unknown[] };
    expect(year.year).toBe(2022);
    expect(year.daysOff.map((d) => d.date)).toEqual(
      expect.arrayContaining(['2022-01-03', '2022-02-01', '2022-04-11', '2022-05-02', '2022-05-03', '2022-09-01']),
    );
    expect(year.workingWeekendDays).toEqual([]);
  });

  it('shows làm-bù Saturdays and the working-day count in the table', async () => {
    const { code, stdout } = await cli('calendar', '--year', '2026');
    expect(code).toBe(0);
    expect(stdout).toContain('Thứ Bảy 10/01/2026');
    expect(stdout).toMatch(/Tổng số ngày làm việc: \d+/);
  });

  it('applies the overrides of a plan given with --plan', async () => {
    const { code, stdout } = await cli('calendar', '--year', '2022', '--plan', SEED_PLAN_FILE, '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toHaveProperty('year', 2022);
  });
});
