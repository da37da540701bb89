import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadPlanFile } from '../../config/plan-loader';
import { AppError } from '../../domain/errors';
import { compareWithPlan, draftPlan, leftToFill, renderDraft } from '../../domain/plan-draft';
import { docxText } from '../../domain/plan-draft/docx-text';
import type { CliIo } from '../program';

const TEXT_EXTENSIONS = new Set(['.md', '.txt']);

function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(err);
    throw new AppError('FILE_NOT_FOUND', `${file}: ${reason}`);
  }
}

/** The text of a plan document: .md and .txt as UTF-8, .docx through its paragraphs. */
async function documentText(file: string): Promise<string> {
  const extension = path.extname(file).toLowerCase();
  if (!TEXT_EXTENSIONS.has(extension) && extension !== '.docx') {
    throw new AppError(
      'USAGE',
      `${file}: unsupported document type "${extension || '(none)'}": use .md, .txt or .docx`,
    );
  }
  const bytes = readBytes(file);
  if (extension !== '.docx') return bytes.toString('utf8');
  const text = await docxText(bytes);
  if (text === undefined) throw new AppError('FILE_NOT_FOUND', `${file}: cannot be read as a .docx document`);
  return text;
}

function writeDraft(file: string, yaml: string, force: boolean): void {
  try {
    writeFileSync(file, yaml, { encoding: 'utf8', flag: force ? 'w' : 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new AppError('USAGE', `${file}: already exists: choose another --out or add --force to overwrite it`);
    }
    throw new AppError('FILE_NOT_FOUND', `${file}: cannot be written: ${String(err)}`);
  }
}

interface DraftOptions {
  out?: string;
  compare?: string;
  force?: boolean;
}

export function registerPlanDraft(plan: Command, io: CliIo): void {
  plan
    .command('draft')
    .description('draft a plan file from a plan document (.md, .txt, .docx); print what is left to fill')
    .argument('<document>', 'the plan document (Kế hoạch)')
    .option('--out <plan.yaml>', 'write the draft there instead of to standard output')
    .option('--force', 'overwrite the --out file if it exists')
    .option('--compare <plan.yaml>', 'print the differences of obligations and named units against this plan')
    .action(async (file: string, options: DraftOptions) => {
      const existing = options.compare ? loadPlanFile(options.compare) : undefined;
      const draft = draftPlan(await documentText(file));
      const remaining = leftToFill(draft.plan);
      const yaml = renderDraft(draft, remaining);
      if (options.out) writeDraft(options.out, yaml, options.force === true);
      else io.stdout(yaml);
      const report: string[] = [];
      if (options.out) report.push(`${options.out}: bản nháp đã ghi`);
      report.push(
        remaining.length === 0
          ? 'Bản nháp hợp lệ.'
          : `Còn phải điền (${remaining.length}):\n${remaining.map((line) => `  ${line}`).join('\n')}`,
      );
      if (existing && options.compare) {
        report.push(`Khác biệt so với ${options.compare}:`);
        report.push(...compareWithPlan(draft, existing, path.basename(options.compare)).map((line) => `  ${line}`));
      }
      io.stderr(`${report.join('\n')}\n`);
    });
}
