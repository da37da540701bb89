import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import writeFileAtomic from 'write-file-atomic';
import { AppError } from '../../domain/errors';
import { vnDateTime } from '../../domain/plan-time';
import type { ConsolidatedReport } from '../../domain/report/consolidated-report';
import { REPORT_FORMATS, renderReport, type ReportFormat } from '../../reports/report-formats';
import { withCore } from '../cli-core';
import { parseCycleTarget, parseId, type CycleTarget } from '../cycle-target';
import { choice } from '../options';
import type { CliIo } from '../program';

/** Every unit of a large cycle has to answer. */
const REPORT_TIMEOUT_MS = 120_000;

/** These are not text: without `--out` they go to a file in the current folder, never to a terminal. */
const BINARY: ReadonlySet<ReportFormat> = new Set(['docx', 'xlsx']);

interface ReportOptions {
  obligation: string;
  format: ReportFormat;
  out?: string;
}

export function registerReport(program: Command, io: CliIo): void {
  program
    .command('report')
    .description('the consolidated report of one obligation, made now from every unit’s submissions')
    .argument('<cycle>', 'the cycle, <planId>/<year>', parseCycleTarget)
    .requiredOption('--obligation <id>', 'the obligation reported on, e.g. bao-cao-6-thang', parseId)
    .option('--format <format>', REPORT_FORMATS.join(', '), choice(REPORT_FORMATS), 'docx')
    .option('--out <file>', 'write it here (default: standard output, or a file in this folder for docx and xlsx)')
    .action(async (target: CycleTarget, options: ReportOptions) => {
      const report = await withCore(
        (core) =>
          core.consolidatedReport({ planId: target.planId, year: target.year, obligationId: options.obligation }),
        REPORT_TIMEOUT_MS,
      );
      const rendered = await renderReport(report, options.format);
      const out =
        options.out ??
        (BINARY.has(options.format)
          ? `${target.planId}-${target.year}-${options.obligation}.${rendered.extension}`
          : undefined);
      if (out === undefined) {
        io.stdout(rendered.content.toString('utf8'));
        return;
      }
      await writeOut(out, rendered.content);
      io.stdout(`Đã ghi ${out}: ${summaryOf(report)}\n`);
    });
}

async function writeOut(file: string, content: Buffer): Promise<void> {
  try {
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeFileAtomic(file, content);
  } catch (err) {
    throw new AppError('FILE_NOT_FOUND', `--out ${file}: cannot be written (${(err as Error).message})`, {
      cause: err,
    });
  }
}

function summaryOf(report: ConsolidatedReport): string {
  const c = report.counts;
  return (
    `«${report.obligation.title}», số liệu đến ${vnDateTime(report.at)}: ${c.onTime + c.late}/${c.total} đơn vị đã nộp ` +
    `(đúng hạn ${c.onTime}, trễ hạn ${c.late}), chưa nộp ${c.missing}, được miễn ${c.waived}, chưa đến hạn ${c.notYetDue}`
  );
}
