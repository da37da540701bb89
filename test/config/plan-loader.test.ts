import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadPlanFile, parsePlanText } from '../../config/plan-loader';
import { AppError } from '../../domain/errors';
import { defaultEscalation } from '../../domain/plan/plan-schema';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'plans');
const BROKEN = path.join(FIXTURES, 'broken');
const VALID_MINIMAL = path.join(FIXTURES, 'valid-minimal.yaml');
const SAMPLE_PLAN = path.resolve(__dirname, '..', '..', 'config', 'plans', 'dvcq-ia-pa.yaml');

interface BrokenCase {
  /** File name under test/fixtures/plans/broken/. */
  file: string;
  /** The path the message must name (`units[3].head.email`), or null for a YAML syntax error, which has none. */
  path: string | null;
  /** The line the message must point at (`file.yaml:12:`). */
  line: number;
  /** A fragment the message must contain, when the path alone does not say what is wrong. */
  says?: string;
}

/** One row per broken fixture: the exact path and line an admin must be shown. */
const BROKEN_CASES: BrokenCase[] = [
  { file: 'yaml-bad-indentation.yaml', path: null, line: 24, says: 'YAML syntax error' },
  // The parser notices the missing quote at the end of the file; the admin must see where it opened.
  { file: 'yaml-unclosed-quote.yaml', path: null, line: 54, says: "Missing closing 'quote" },
  { file: 'yaml-duplicate-key.yaml', path: null, line: 47, says: 'Map keys must be unique' },
  { file: 'missing-supervisor.yaml', path: 'supervisor', line: 2, says: 'is required' },
  { file: 'misspelt-reminders-key.yaml', path: 'defaults.remiders', line: 40, says: 'unknown key "remiders"' },
  { file: 'duplicate-unit-id.yaml', path: 'units[2].id', line: 29, says: 'duplicate unit id "phong-noi-vu"' },
  { file: 'unknown-supervisor.yaml', path: 'supervisor', line: 7, says: '"phong-noi-vu-huyen"' },
  { file: 'applies-to-unknown-unit.yaml', path: 'obligations[1].appliesTo.units[0]', line: 51 },
  { file: 'exclude-unknown-unit.yaml', path: 'obligations[1].appliesTo.exclude[0]', line: 52 },
  { file: 'applies-to-no-unit.yaml', path: 'obligations[0].appliesTo', line: 42, says: 'no unit' },
  { file: 'report-without-form.yaml', path: 'obligations[1].form', line: 47, says: 'a report needs a form' },
  { file: 'unknown-form.yaml', path: 'obligations[1].form', line: 57, says: '"bao-cao-dv"' },
  { file: 'invalid-email.yaml', path: 'units[3].head.email', line: 44 },
  { file: 'invalid-phone.yaml', path: 'units[1].head.phone', line: 28 },
  { file: 'head-without-email-or-phone.yaml', path: 'units[2].head', line: 32, says: 'email or a phone' },
  { file: 'bad-time-8h.yaml', path: 'defaults.reminders.at', line: 42, says: 'HH:mm' },
  { file: 'bad-time-25-00.yaml', path: 'obligations[0].escalation[0].at', line: 50, says: 'HH:mm' },
  { file: 'reminder-at-night.yaml', path: 'defaults.reminders.at', line: 42, says: '07:00 and 21:00' },
  { file: 'reminder-offsets-increasing.yaml', path: 'obligations[0].reminders.workingDaysBefore', line: 48 },
  { file: 'escalation-out-of-order.yaml', path: 'defaults.escalation', line: 40, says: 'increasing order' },
  { file: 'escalation-leadership-without-leadership.yaml', path: 'defaults.escalation[2].notify', line: 41 },
  { file: 'month-day-02-30.yaml', path: 'obligations[1].due.date', line: 54, says: 'MM-DD' },
  { file: 'month-day-02-29.yaml', path: 'obligations[1].due.date', line: 54, says: '02-28' },
  { file: 'unknown-unit-kind.yaml', path: 'units[2].kind', line: 31, says: '"commune"' },
  { file: 'bad-id-capitals-spaces.yaml', path: 'units[1].id', line: 22, says: 'lower-case' },
  { file: 'form-field-min-above-max.yaml', path: 'forms.bao-cao-dvcq.fields[1].max', line: 72 },
  { file: 'duplicate-field-key.yaml', path: 'forms.bao-cao-dvcq.fields[2].key', line: 73 },
  { file: 'unknown-if-non-working-day.yaml', path: 'obligations[1].ifNonWorkingDay', line: 55, says: '"previous"' },
  { file: 'duplicate-obligation-id.yaml', path: 'obligations[1].id', line: 47, says: '"ke-hoach-trien-khai"' },
  { file: 'wrong-timezone.yaml', path: 'timezone', line: 6, says: 'Asia/Ho_Chi_Minh' },
  { file: 'calendar-override-invalid-date.yaml', path: 'calendar.overrides[0].date', line: 15, says: 'YYYY-MM-DD' },
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The AppError that loading `file` (or parsing `text` as `file`) throws. */
function loadError(file: string, text?: string): AppError {
  try {
    if (text === undefined) loadPlanFile(file);
    else parsePlanText(text, file);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error(`${file} loaded without an error`);
}

describe('loadPlanFile on broken plans', () => {
  it('has a row in the table for every broken fixture, and a fixture for every row', () => {
    const files = readdirSync(BROKEN).filter((name) => name.endsWith('.yaml'));
    expect(BROKEN_CASES.map((row) => row.file).sort()).toEqual(files.sort());
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it('has a first-line comment in every broken fixture saying what is wrong', () => {
    for (const row of BROKEN_CASES) {
      expect(readFileSync(path.join(BROKEN, row.file), 'utf8')).toMatch(/^# BROKEN: \S/);
    }
  });

  describe.each(BROKEN_CASES)('$file', (row) => {
    const file = path.join(BROKEN, row.file);

    it('throws PLAN_INVALID naming the file, without a stack trace in the message', () => {
      const err = loadError(file);
      expect(err.code).toBe('PLAN_INVALID');
      expect(err.exitCode).toBe(2);
      expect(err.message).toContain(file);
      expect(err.message).not.toMatch(/^\s+at /m);
      if (row.path) expect(err.message).toContain(`: ${row.path}: `);
    });

    it(`points at ${row.path ?? 'the YAML error'} on line ${row.line}`, () => {
      const lines = loadError(file).message.split('\n');
      const prefix = row.path ? `${file}:${row.line}: ${row.path}: ` : `${file}:${row.line}: `;
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${escapeRegExp(prefix)}`)));
      if (row.says) expect(lines.find((text) => text.startsWith(prefix))).toContain(row.says);
    });
  });
});

describe('loadPlanFile on valid plans', () => {
  it('loads the minimal fixture with its units, obligations and form', () => {
    const plan = loadPlanFile(VALID_MINIMAL);
    expect(plan.id).toBe('ke-hoach-mau');
    expect(plan.units.map((unit) => unit.id)).toEqual(['phong-noi-vu', 'trung-tam-van-hoa', 'xa-mau-son']);
    expect(plan.obligations.map((obligation) => obligation.id)).toEqual(['ke-hoach-trien-khai', 'bao-cao-6-thang']);
    expect(Object.keys(plan.forms)).toEqual(['bao-cao-dvcq']);
  });

  it('loads the sample plan config/plans/dvcq-ia-pa.yaml', () => {
    const plan = loadPlanFile(SAMPLE_PLAN);
    expect(plan.id).toBe('dvcq-ia-pa');
    expect(plan.supervisor).toBe('phong-noi-vu');
    expect(plan.units.length).toBeGreaterThan(10);
    expect(plan.obligations.length).toBeGreaterThanOrEqual(4);
  });

  it('normalises phone numbers to 84… as Zalo expects', () => {
    const plan = loadPlanFile(VALID_MINIMAL);
    expect(plan.units.map((unit) => unit.head.phone)).toEqual([
      '84905123456', // "0905 123 456"
      '84905123456', // "+84 905.123.456"
      '84905123458', // "84905123458"
    ]);
    expect(plan.leadership[0]?.phone).toBe('84900000001'); // "0900 000 001"
  });

  it('reads an unquoted phone, which YAML turns into a number, as the number the admin wrote', () => {
    const text = readFileSync(VALID_MINIMAL, 'utf8').replace("phone: '0905 123 456'", 'phone: 0905123456');
    expect(text).toContain('phone: 0905123456');
    expect(parsePlanText(text, 'unquoted-phone.yaml').units[0]?.head.phone).toBe('84905123456');
  });

  it('stops the default ladder at the supervisor when the plan names no leadership', () => {
    const text = readFileSync(VALID_MINIMAL, 'utf8').replace(/^leadership:[\s\S]*?(?=^\w)/m, '');
    const plan = parsePlanText(text, 'no-leadership.yaml');
    expect(plan.leadership).toEqual([]);
    expect(plan.defaults.escalation).toEqual(defaultEscalation(false));
  });

  it('fills in the defaults the file leaves out', () => {
    const plan = loadPlanFile(VALID_MINIMAL);
    expect(plan.timezone).toBe('Asia/Ho_Chi_Minh');
    expect(plan.defaults.reminders).toEqual({ workingDaysBefore: [10, 5, 2, 1, 0], at: '08:00' });
    expect(plan.defaults.escalation).toEqual(defaultEscalation(true));
    expect(plan.defaults.escalation.map((level) => level.workingDaysAfter)).toEqual([1, 3, 7]);
    expect(plan.defaults.escalation.map((level) => level.notify)).toEqual([
      ['unit'],
      ['unit', 'supervisor'],
      ['unit', 'supervisor', 'leadership'],
    ]);
    expect(plan.defaults.repeatEveryWorkingDays).toBe(5);
    expect(plan.obligations[0]?.ifNonWorkingDay).toBe('next');
    expect(plan.obligations[1]?.aggregate).toEqual({ workingDaysAfterDue: 2, at: '08:00' });
    expect(plan.units[1]?.contacts).toEqual([]);
    expect(plan.calendar).toEqual({ overrides: [], culturalDay: false });
    expect(plan.forms['bao-cao-dvcq']?.fields.map((field) => field.required)).toEqual([true, false, false]);
  });
});

describe('loadPlanFile errors', () => {
  it('reports a missing file as FILE_NOT_FOUND', () => {
    const missing = path.join(FIXTURES, 'no-such-plan.yaml');
    const err = loadError(missing);
    expect(err.code).toBe('FILE_NOT_FOUND');
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe(`${missing}: no such file`);
  });

  it('reports several problems in one file all at once, one line each', () => {
    const file = 'several-problems.yaml';
    const text = readFileSync(VALID_MINIMAL, 'utf8')
      .replace('supervisor: phong-noi-vu', 'supervisor: phong-noi-vu-huyen')
      .replace("      phone: '+84 905.123.456'", "      phone: '+84 905.123.45'")
      .replace('    ifNonWorkingDay: next', '    ifNonWorkingDay: after')
      .replace('        min: 0\n        max: 100', '        min: 100\n        max: 0');
    const err = loadError(file, text);
    expect(err.code).toBe('PLAN_INVALID');
    const lines = err.message.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^several-problems\.yaml:28: units\[1\]\.head\.phone: /),
        expect.stringMatching(/^several-problems\.yaml:55: obligations\[1\]\.ifNonWorkingDay: /),
      ]),
    );
    // The cross-checks (supervisor, min/max) run only on a file whose fields parse; fix the fields, and they report too.
    const fieldsFixed = text
      .replace("      phone: '+84 905.123.45'", "      phone: '+84 905.123.456'")
      .replace('    ifNonWorkingDay: after', '    ifNonWorkingDay: next');
    expect(loadError(file, fieldsFixed).message.split('\n')).toEqual([
      'several-problems.yaml:7: supervisor: unknown unit "phong-noi-vu-huyen": no unit in units has this id',
      'several-problems.yaml:72: forms.bao-cao-dvcq.fields[1].max: max (0) is below min (100)',
    ]);
  });
});
