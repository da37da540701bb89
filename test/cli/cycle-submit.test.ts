import { createHash } from 'node:crypto';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Workbook } from 'exceljs';
import type { UnitStatus } from '../../domain/cycle/unit-status';
import type { ConsolidatedReport } from '../../domain/report/consolidated-report';
import { runDondoc } from '../helpers/cli';
import { runCliWith, startSmallCycle, startTestStack, type CliRun, type TestStack } from '../helpers/stack';

const CYCLE = 'cycle-small/2031';
const STACK_TRACE = /\n\s+at /;

describe('dondoc submit | extend | waive (dev server, real worker)', () => {
  let stack: TestStack;
  const dondoc = (...args: string[]): Promise<CliRun> => runCliWith(stack.env, args);

  async function unitStatus(unitId: string): Promise<UnitStatus> {
    const run = await dondoc('cycle', 'status', CYCLE, '--unit', unitId, '--format', 'json');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const [unit] = (JSON.parse(run.stdout) as { units: UnitStatus[] }).units;
    if (!unit) throw new Error(`no status for ${unitId}:\n${run.stdout}`);
    return unit;
  }
  const obligationOf = async (unitId: string, obligationId: string) =>
    (await unitStatus(unitId)).obligations.find((o) => o.id === obligationId);

  /** Every stored file under <dataDir>/files, as `<shard>/<sha>`. */
  async function storedFiles(): Promise<string[]> {
    const root = path.join(stack.dataDir, 'files');
    const shards = await readdir(root).catch(() => [] as string[]);
    const files = await Promise.all(
      shards.map(async (shard) => (await readdir(path.join(root, shard)).catch(() => [])).map((f) => `${shard}/${f}`)),
    );
    return files.flat().sort();
  }

  beforeAll(async () => {
    stack = await startTestStack();
    await startSmallCycle(stack);
  });
  afterAll(async () => {
    await stack?.teardown();
  });

  it('submits report values with a file: an on-time receipt, the file stored by its sha256, the status updated', async () => {
    const file = path.join(stack.dataDir, 'bao-cao-xa-dong.pdf');
    const content = Buffer.from('%PDF-1.4 báo cáo xã Đông\n');
    await writeFile(file, content);
    const sha256 = createHash('sha256').update(content).digest('hex');

    const run = await dondoc(
      'submit',
      CYCLE,
      'xa-dong',
      'bao-cao',
      '--values',
      JSON.stringify({ 'so-mo-hinh': 3, 'ket-qua': 'Hoàn thành' }),
      '--document-number',
      '45/BC-UBND',
      '--document-date',
      '2026-11-20',
      '--file',
      file,
      '--by',
      'Văn phòng xã Đông',
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(
      /^Đã nhận «Báo cáo kết quả 6 tháng» của UBND xã Đông lúc \d\d\/\d\d\/\d{4} \d\d:\d\d — đúng hạn, hạn 12\/05\/2031/,
    );
    expect(run.stdout).toContain(`Tệp: bao-cao-xa-dong.pdf (`);
    expect(await storedFiles()).toEqual([`${sha256.slice(0, 2)}/${sha256}`]);
    const records = await stack.db.selectFrom('fileRecords').selectAll().execute();
    expect(records).toEqual([
      expect.objectContaining({
        sha256,
        filename: 'bao-cao-xa-dong.pdf',
        cycleId: 'cycle-small/2031',
        unitId: 'xa-dong',
        obligationId: 'bao-cao',
        submissionId: expect.stringMatching(/^submit-/) as unknown,
        tokenId: null,
      }),
    ]);

    const obligation = await obligationOf('xa-dong', 'bao-cao');
    expect(obligation?.state).toBe('submitted-on-time');
    expect(obligation?.submissions[0]).toMatchObject({
      channel: 'cli',
      values: { 'so-mo-hinh': 3, 'ket-qua': 'Hoàn thành' },
      documentNumber: '45/BC-UBND',
      documentDate: '2026-11-20',
      submittedBy: 'Văn phòng xã Đông',
      files: [{ sha256, filename: 'bao-cao-xa-dong.pdf', contentType: 'application/pdf', size: content.length }],
    });
    const table = await dondoc('cycle', 'status', CYCLE);
    expect(table.stdout).toMatch(/UBND xã Đông\s+Báo cáo kết quả 6 tháng\s+12\/05\/2031\s+Đã nộp đúng hạn\s+\d\d\//);
  });

  it('refuses invalid values with the workflow’s Vietnamese message, and keeps no record of the files', async () => {
    const file = path.join(stack.dataDir, 'bao-cao-xa-tay.docx');
    await writeFile(file, 'báo cáo xã Tây, bản sai');
    const records = () => stack.db.selectFrom('fileRecords').select(['unitId', 'sha256']).orderBy('id').execute();
    const before = await records();
    const run = await dondoc('submit', CYCLE, 'xa-tay', 'bao-cao', '--values', '{"so-mo-hinh": -1}', '--file', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('«Số mô hình "Dân vận khéo"» không được nhỏ hơn 0');
    expect(run.stderr).not.toMatch(STACK_TRACE);
    // The blob stays until the sweep (never deleted inline); nothing references it.
    expect(await records()).toEqual(before);
    expect((await obligationOf('xa-tay', 'bao-cao'))?.submissions).toEqual([]);

    const badJson = await dondoc('submit', CYCLE, 'xa-tay', 'bao-cao', '--values', '{so-mo-hinh: 1}');
    expect(badJson.code).toBe(2);
    expect(badJson.stderr).toContain('--values: not valid JSON');
    const noFile = await dondoc(
      'submit',
      CYCLE,
      'xa-tay',
      'bao-cao',
      '--values',
      '{"so-mo-hinh": 1}',
      '--file',
      'x.pdf',
    );
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('--file x.pdf: no such file');
  });

  it('a rejected submission never removes another submission’s identical file', async () => {
    const [accepted] = await stack.db.selectFrom('fileRecords').selectAll().where('unitId', '=', 'xa-dong').execute();
    const same = path.join(stack.dataDir, 'cung-noi-dung.pdf');
    await writeFile(same, '%PDF-1.4 báo cáo xã Đông\n'); // the bytes xa-dong submitted
    const run = await dondoc('submit', CYCLE, 'xa-tay', 'bao-cao', '--values', '{"so-mo-hinh": -1}', '--file', same);
    expect(run.code).toBe(2);
    expect(await storedFiles()).toContain(`${accepted!.sha256.slice(0, 2)}/${accepted!.sha256}`);
    expect(await stack.core.files.open(accepted!.sha256)).toBeDefined();
    const records = await stack.db.selectFrom('fileRecords').select(['unitId', 'sha256']).execute();
    expect(records).toEqual([{ unitId: 'xa-dong', sha256: accepted!.sha256 }]);
  });

  it('records a paper document by when it was received', async () => {
    const receivedAt = new Date(Date.now() - 3600_000).toISOString();
    const run = await dondoc('submit', CYCLE, 'xa-tay', 'ke-hoach', '--paper', '--received-at', receivedAt);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('Đã nhận «Xây dựng kế hoạch triển khai» của UBND xã Tây');
    const [submission] = (await obligationOf('xa-tay', 'ke-hoach'))?.submissions ?? [];
    expect(submission?.channel).toBe('paper');
    expect(Date.parse(submission?.submittedAt ?? '')).toBe(Math.floor(Date.parse(receivedAt) / 1000) * 1000);

    const missing = await dondoc('submit', CYCLE, 'xa-dong', 'ke-hoach', '--paper');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--paper and --received-at go together');
  });

  it('extends a due date and prints the new date and the next events; an earlier date is refused', async () => {
    const run = await dondoc('extend', CYCLE, 'xa-dong', 'ke-hoach', '--to', '2031-04-15', '--reason', 'Thiên tai');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(
      'Đã gia hạn «Xây dựng kế hoạch triển khai» cho UBND xã Đông: hạn mới Thứ Ba 15/04/2031 (hạn cũ 17/03/2031)',
    );
    expect(run.stdout).toMatch(/Các lần nhắc, đôn đốc tiếp theo:\n {2}\d\d\/\d\d\/2031 08:00 {2}Nhắc hạn: còn 10 ngày/);
    const obligation = await obligationOf('xa-dong', 'ke-hoach');
    expect(obligation).toMatchObject({ dueDate: '2031-04-15', state: 'pending' });
    expect(obligation?.extensions[0]).toMatchObject({ reason: 'Thiên tai', previousDueDate: '2031-03-17' });

    const earlier = await dondoc('extend', CYCLE, 'xa-dong', 'ke-hoach', '--to', '2031-04-01', '--reason', 'Nhầm');
    expect(earlier.code).toBe(2);
    expect(earlier.stderr).toContain('Hạn mới phải sau hạn hiện tại (2031-04-15)');
  });

  it('waives an obligation; waiving it again is refused', async () => {
    const run = await dondoc('waive', CYCLE, 'phong-noi-vu', 'ke-hoach', '--reason', 'Cơ quan chủ trì', '--by', 'PCT');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('Đã miễn «Xây dựng kế hoạch triển khai» cho Phòng Nội vụ huyện lúc');
    expect(run.stdout).toContain('Lý do: Cơ quan chủ trì');
    expect(await obligationOf('phong-noi-vu', 'ke-hoach')).toMatchObject({
      state: 'waived',
      waiver: { reason: 'Cơ quan chủ trì', by: 'PCT' },
    });
    const again = await dondoc('waive', CYCLE, 'phong-noi-vu', 'ke-hoach', '--reason', 'Lần nữa');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('đã được miễn');
  });

  it('makes the consolidated report on demand, in each format, from what the units submitted so far', async () => {
    const json = await dondoc('report', CYCLE, '--obligation', 'bao-cao', '--format', 'json');
    expect(json).toMatchObject({ code: 0, stderr: '' });
    const report = JSON.parse(json.stdout) as ConsolidatedReport;
    // xa-dong submitted 3 models on time; xa-tay's due date (12/05/2031) is still ahead.
    expect(report.counts).toEqual({ total: 2, onTime: 1, late: 0, missing: 0, waived: 0, notYetDue: 1, onTimeRate: 1 });
    expect(report.indicators[0]).toMatchObject({ kind: 'sum', field: { key: 'so-mo-hinh' }, total: 3, reported: 1 });

    const csv = await dondoc('report', CYCLE, '--obligation', 'bao-cao', '--format', 'csv');
    expect(csv.stdout.startsWith('\uFEFFMã đơn vị,Đơn vị,Tình trạng,Hạn nộp')).toBe(true);
    expect(csv.stdout).toContain('xa-dong,UBND xã Đông,Đúng hạn,12/05/2031');

    const out = path.join(stack.dataDir, 'bao-cao.xlsx');
    const xlsx = await dondoc('report', CYCLE, '--obligation', 'bao-cao', '--format', 'xlsx', '--out', out);
    expect(xlsx).toMatchObject({ code: 0, stderr: '' });
    expect(xlsx.stdout).toContain(`Đã ghi ${out}: «Báo cáo kết quả 6 tháng», số liệu đến`);
    expect(xlsx.stdout).toContain('1/2 đơn vị đã nộp (đúng hạn 1, trễ hạn 0), chưa nộp 0, được miễn 0, chưa đến hạn 1');
    const workbook = new Workbook();
    await workbook.xlsx.readFile(out);
    const units = workbook.getWorksheet('Theo đơn vị');
    expect(units?.getRow(2).getCell(2).value).toBe('UBND xã Đông');
    expect(units?.getRow(4).values).toEqual(expect.arrayContaining(['Tổng cộng', 3]));

    const unknown = await dondoc('report', CYCLE, '--obligation', 'khong-co', '--format', 'json');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      'cycle cycle-small/2031 has no obligation khong-co (its obligations: ke-hoach, bao-cao)',
    );
    expect(unknown.stderr).not.toMatch(STACK_TRACE);
  });

  it('exits 2 for an unknown cycle, unit or obligation, naming it', async () => {
    const cycle = await dondoc('submit', 'cycle-small/2040', 'xa-dong', 'bao-cao');
    expect(cycle.code).toBe(2);
    expect(cycle.stderr).toContain('cycle cycle-small/2040 not found');
    const unit = await dondoc('extend', CYCLE, 'xa-nam', 'bao-cao', '--to', '2031-06-01', '--reason', 'x');
    expect(unit.code).toBe(2);
    expect(unit.stderr).toContain('cycle cycle-small/2031: unit xa-nam is not part of this cycle');
    const obligation = await dondoc('waive', CYCLE, 'phong-noi-vu', 'bao-cao', '--reason', 'x');
    expect(obligation.code).toBe(2);
    expect(obligation.stderr).toContain('unit phong-noi-vu has no obligation bao-cao (its obligations: ke-hoach)');
  });

  it('keeps the exit codes through the real executable', async () => {
    const unknown = await runDondoc(['submit', CYCLE, 'xa-nam', 'bao-cao'], stack.env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unit xa-nam is not part of this cycle');
    expect(unknown.stderr).not.toMatch(STACK_TRACE);
    const status = await runDondoc(['cycle', 'status', CYCLE, '--format', 'json'], stack.env);
    expect(status.code).toBe(0);
    expect((JSON.parse(status.stdout) as { units: unknown[] }).units).toHaveLength(3);
    const down = await runDondoc(['cycle', 'status', CYCLE], { ...stack.env, TEMPORAL_ADDRESS: '127.0.0.1:1' });
    expect(down.code).toBe(1);
    expect(down.stderr).toContain('Cannot reach Temporal at 127.0.0.1:1');
    expect(down.stderr).not.toMatch(STACK_TRACE);
  });
});
