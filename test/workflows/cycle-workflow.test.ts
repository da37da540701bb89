import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadAnnouncedSchedules } from '../../config/calendars';
import { createWorkingCalendar } from '../../domain/calendar';
import { isoWeekday, parseLocalDate } from '../../domain/local-date';
import type { ConsolidatedReport } from '../../domain/report/consolidated-report';
import type { DeliveredNotification } from '../../simulate/notification-log';
import type { Outcome } from '../../simulate/outcomes';
import { simulate, type SimulationOutput } from '../helpers/simulation';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures');

/** The cycle workflow end to end (through the simulator): batches, aggregation, re-aggregation, digest, close. */
describe('cycleWorkflow', () => {
  let run: SimulationOutput;
  let out: string;
  let outcomes: Outcome[];
  let notifications: DeliveredNotification[];

  beforeAll(async () => {
    run = await simulate(
      path.join(FIXTURES, 'plans', 'cycle-small.yaml'),
      2031,
      path.join(FIXTURES, 'scenarios', 'cycle-small-late.yaml'),
    );
    ({ out, outcomes, notifications } = run);
  }, 120_000);

  afterAll(() => run?.remove());

  it('aggregates at the scheduled instant, then once more when the last outstanding unit submits', () => {
    const reports = path.join(out, 'reports', 'cycle-small', '2031');
    const files = readdirSync(reports).sort();
    expect(files).toEqual(expect.arrayContaining(['bao-cao-203105140800.csv', 'bao-cao-203105140800.json']));
    // xa-tay's submission at 15:00 on 20/05 is the last one: the final report carries that instant.
    const finals = files.filter((f) => f.endsWith('-final.json'));
    expect(finals).toEqual(['bao-cao-203105201500-final.json']);
    const first = JSON.parse(
      readFileSync(path.join(reports, 'bao-cao-203105140800.json'), 'utf8'),
    ) as ConsolidatedReport;
    expect(first.units.map((r) => [r.unit.id, r.status])).toEqual([
      ['xa-dong', 'on-time'],
      ['xa-tay', 'missing'],
    ]);
    expect(first.units[0]?.values).toEqual({ 'so-mo-hinh': 2, 'ket-qua': 'Tốt' });
    expect(first.indicators[0]).toMatchObject({ kind: 'sum', total: 2, reported: 1 });
    const final = JSON.parse(readFileSync(path.join(reports, finals[0]!), 'utf8')) as ConsolidatedReport;
    expect(final).toMatchObject({ final: true, counts: { onTime: 1, late: 1, missing: 0 } });
    expect(final.units.map((r) => [r.unit.id, r.status])).toEqual([
      ['xa-dong', 'on-time'],
      ['xa-tay', 'late'],
    ]);
    expect(files).toEqual(expect.arrayContaining(['bao-cao-203105140800.docx', 'bao-cao-203105201500-final.docx']));
    expect(notifications.filter((n) => n.kind === 'report')).toHaveLength(2);
    const csv = readFileSync(path.join(reports, 'bao-cao-203105140800.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFMã đơn vị,Đơn vị,Tình trạng')).toBe(true);
  });

  it('mails Phòng Nội vụ a weekly digest only while something is overdue or due within 10 working days', () => {
    const digests = notifications.filter((n) => n.kind === 'digest').map((n) => n.scheduledAt);
    const calendar = createWorkingCalendar({ announced: loadAnnouncedSchedules() });
    for (const at of digests) {
      expect(at).toMatch(/T14:00:00\+07:00$/);
      const day = parseLocalDate(at.slice(0, 10))!;
      expect(calendar.isWorkingDay(day)).toBe(true);
      for (let before = day - (isoWeekday(day) - 1); before < day; before++)
        expect(calendar.isWorkingDay(before)).toBe(false);
    }
    // Issued Sunday 02/03: on Monday 03/03 ke-hoach (due 17/03) is exactly 10 working days away, so the first
    // digest goes out then; it stays in every week while the communes never file it, until December.
    expect(digests[0]).toBe('2031-03-03T14:00:00+07:00');
    expect(digests.at(-1)! >= '2031-12-22').toBe(true);
    expect(new Set(digests).size).toBe(digests.length);
  });

  it('reports every unit and obligation of the small plan', () => {
    expect(outcomes.map((o) => [o.unit, o.obligation, o.status])).toEqual([
      ['phong-noi-vu', 'ke-hoach', 'waived'],
      ['xa-dong', 'ke-hoach', 'missing'],
      ['xa-dong', 'bao-cao', 'on-time'],
      ['xa-tay', 'ke-hoach', 'missing'],
      ['xa-tay', 'bao-cao', 'late'],
    ]);
  });
});
