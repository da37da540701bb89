import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { fillPlaceholders } from '../domain/plan-draft/fill-placeholders';
import { runDondoc } from '../helpers/cli';

const ROOT = path.resolve(__dirname, '..', '..');
const DOCUMENTS = path.join(ROOT, 'test', 'fixtures', 'documents');
const SEED = path.join(DOCUMENTS, 'ke-hoach-dan-van-chinh-quyen-2022-ia-pa.md');
const TARGET = path.join(ROOT, 'config', 'plans', 'dvcq-ia-pa.yaml');
const STACK_LINE = /^\s+at /m;

describe('dondoc plan draft', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dondoc-plan-draft-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the seed’s draft, what is left to fill, and no difference from config/plans/dvcq-ia-pa.yaml', async () => {
    const result = await runDondoc(['plan', 'draft', SEED, '--compare', TARGET]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^id: dvcq-ia-pa$/m);
    expect(result.stdout).toMatch(/^ {2}- id: bao-cao-6-thang$/m);
    expect(result.stderr).toMatch(/^Còn phải điền \(\d+\):\n {2}reference: điền số, điền ngày\n/);
    expect(result.stderr).toMatch(/^ {2}units\[0\]\.head\.email: điền email$/m);
    expect(result.stderr).toContain(`Khác biệt so với ${TARGET}:\n  không có khác biệt\n`);
  });

  it('prints one line per difference against another plan', async () => {
    const other = path.join(dir, 'other.yaml');
    const text = readFileSync(TARGET, 'utf8')
      .replace('due: {date: "05-10"}', 'due: {date: "05-15"}')
      .replace('- id: bao-cao-nam\n', '- id: bao-cao-ca-nam\n');
    writeFileSync(other, text);
    const result = await runDondoc(['plan', 'draft', SEED, '--compare', other]);
    expect(result.code).toBe(0);
    const differences = result.stderr.slice(result.stderr.indexOf('Khác biệt')).trimEnd().split('\n').slice(1);
    expect(differences).toEqual([
      '  ~ nhiệm vụ bao-cao-6-thang: hạn: bản nháp ngày 05-10 ≠ other.yaml ngày 05-15',
      '  + nhiệm vụ bao-cao-nam: chỉ có trong bản nháp (ngày 10-30)',
      '  - nhiệm vụ bao-cao-ca-nam: không có trong bản nháp (other.yaml: ngày 10-30)',
    ]);
  });

  it('writes --out, refuses to overwrite it without --force, and the filled draft passes plan validate', async () => {
    const out = path.join(dir, 'draft.yaml');
    const first = await runDondoc(['plan', 'draft', SEED, '--out', out]);
    expect(first).toMatchObject({ code: 0, stdout: '' });
    expect(first.stderr).toMatch(new RegExp(`^${out}: bản nháp đã ghi\n`));
    const written = readFileSync(out, 'utf8');

    const invalid = await runDondoc(['plan', 'validate', out]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/units\[0\]\.head\.email: must be a valid email address/);

    writeFileSync(out, 'changed by hand\n');
    const refused = await runDondoc(['plan', 'draft', SEED, '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/draft\.yaml: already exists: .*--force/);
    expect(refused.stderr).not.toMatch(STACK_LINE);
    expect(readFileSync(out, 'utf8')).toBe('changed by hand\n');

    expect((await runDondoc(['plan', 'draft', SEED, '--out', out, '--force'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(written);

    const filled = path.join(dir, 'filled.yaml');
    writeFileSync(filled, fillPlaceholders(written));
    const valid = await runDondoc(['plan', 'validate', filled]);
    expect(valid).toMatchObject({ code: 0, stderr: '' });
    expect(valid.stdout).toMatch(/dvcq-ia-pa: 5 đơn vị .*, 7 nhiệm vụ, 2 biểu mẫu/);
  }, 300_000);

  it('reads a .docx', async () => {
    const lines = readFileSync(path.join(DOCUMENTS, 'ke-hoach-phong-chong-tham-nhung-2024-krong-son.txt'), 'utf8')
      .trimEnd()
      .split('\n');
    const docx = path.join(dir, 'ke-hoach.docx');
    const document = new Document({ sections: [{ children: lines.map((line) => new Paragraph(line)) }] });
    writeFileSync(docx, await Packer.toBuffer(document));
    const result = await runDondoc(['plan', 'draft', docx]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^id: pctn-krong-son$/m);
    expect(result.stdout).toMatch(/^ {2}- id: ke-hoach-phong-chong-tham-nhung$/m);
  });

  it.each([
    ['a missing file', () => path.join(dir, 'missing.md'), /missing\.md: no such file/],
    [
      'an unsupported extension',
      () => path.join(ROOT, 'package.json'),
      /package\.json: unsupported document type "\.json"/,
    ],
    [
      'a .docx that is not one',
      () => {
        const file = path.join(dir, 'broken.docx');
        writeFileSync(file, 'not a zip');
        return file;
      },
      /broken\.docx: cannot be read as a \.docx document/,
    ],
  ])('exits 2 on %s, naming the file, without a stack trace', async (_, file, message) => {
    const result = await runDondoc(['plan', 'draft', file()]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });
});
