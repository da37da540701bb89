import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadAnnouncedSchedules } from '../../config/calendars';
import { AppError } from '../../domain/errors';

describe('loadAnnouncedSchedules', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dondoc-calendars-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function write(name: string, text: string): string {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  }

  /** A 2030 schedule file with these entries, one flow mapping a line. */
  function writeEntries(...entries: string[]): string {
    return write('2030.yaml', ['year: 2030', 'entries:', ...entries.map((entry) => `  - ${entry}`), ''].join('\n'));
  }

  function loadError(): AppError {
    try {
      loadAnnouncedSchedules(dir);
    } catch (err) {
      if (err instanceof AppError) return err;
      throw err;
    }
    throw new Error('expected the loader to fail');
  }

  it('loads the shipped schedules, each entry with a source', () => {
    const schedules = loadAnnouncedSchedules();
    expect(schedules.map((schedule) => schedule.year)).toEqual([2022, 2026]);
    for (const schedule of schedules) {
      for (const entry of schedule.entries) {
        expect(entry.date.startsWith(`${schedule.year}-`)).toBe(true);
        expect(entry.source.length).toBeGreaterThan(0);
      }
    }
    expect(schedules[1]?.entries).toContainEqual({
      date: '2026-01-10',
      kind: 'working-day',
      name: 'Làm bù cho ngày nghỉ 02/01/2026',
      source: 'Công văn 12729/VPCP-KGVX ngày 25/12/2025',
    });
  });

  it('reads every *.yaml file of a folder and ignores other files', () => {
    writeEntries('{date: "2030-01-02", kind: day-off, name: Nghỉ, source: Công văn 1}');
    write('README.md', '# not data\n');
    expect(loadAnnouncedSchedules(dir)).toEqual([
      { year: 2030, entries: [{ date: '2030-01-02', kind: 'day-off', name: 'Nghỉ', source: 'Công văn 1' }] },
    ]);
  });

  it('names the file and the entry of an invalid field', () => {
    const file = writeEntries(
      '{date: "2030-01-02", kind: day-off, name: Nghỉ, source: Công văn 1}',
      '{date: "2030-02-30", kind: holiday, name: Nghỉ, source: Công văn 1}',
    );
    const error = loadError();
    expect(error.code).toBe('CALENDAR_DATA_INVALID');
    expect(error.message).toContain(file);
    expect(error.message).toContain('entries[1].date: must be a real date YYYY-MM-DD');
    expect(error.message).toMatch(/entries\[1\]\.kind: /);
  });

  it('rejects a missing source and unknown fields', () => {
    writeEntries('{date: "2030-01-02", kind: day-off, name: Nghỉ, note: x}');
    const error = loadError();
    expect(error.message).toMatch(/entries\[0\]\.source: /);
    expect(error.message).toMatch(/entries\[0\]: .*note/);
  });

  it('rejects a date outside the file’s year and a date listed twice', () => {
    writeEntries(
      '{date: "2031-01-02", kind: day-off, name: Nghỉ, source: Công văn 1}',
      '{date: "2030-01-02", kind: day-off, name: Nghỉ, source: Công văn 1}',
      '{date: "2030-01-02", kind: working-day, name: Làm, source: Công văn 1}',
    );
    const error = loadError();
    expect(error.message).toContain('entries[0].date: 2031-01-02 is not in year 2030');
    expect(error.message).toContain('entries[2].date: 2030-01-02 is already listed at entries[1]');
  });

  it('reports a YAML syntax error with the file name', () => {
    const file = write('2030.yaml', 'year: 2030\nentries: [\n');
    const error = loadError();
    expect(error.message).toContain(`Invalid calendar data in ${file}`);
  });

  it('rejects two files for one year', () => {
    write('a.yaml', 'year: 2030\nentries: []\n');
    const file = write('b.yaml', 'year: 2030\nentries: []\n');
    expect(loadError().message).toContain(`${file}:\n  year: 2030 is already described by`);
  });

  it('fails with FILE_NOT_FOUND for a missing folder', () => {
    expect(() => loadAnnouncedSchedules(path.join(dir, 'missing'))).toThrow(
      expect.objectContaining({ code: 'FILE_NOT_FOUND' }) as Error,
    );
  });
});
