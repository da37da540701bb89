import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import type { SubmitRequest } from '../../cycles';
import { AppError } from '../../domain/errors';
import { formatLocalDate } from '../../domain/local-date';
import { parsePlanDateTime, PLAN_UTC_OFFSET } from '../../domain/plan-time';
import type { CycleTarget } from '../cycle-target';
import { renderReceipt, subjectOf } from '../format/unit-command-output';
import { parseIsoDate } from '../options';
import type { CliIo } from '../program';
import { obligationCommand, withObligation } from '../unit-command';

interface SubmitOptions {
  values?: string;
  valuesFile?: string;
  file?: string[];
  documentNumber?: string;
  documentDate?: string;
  by?: string;
  paper?: boolean;
  receivedAt?: string;
}

export function registerSubmit(program: Command, io: CliIo): void {
  obligationCommand(
    program,
    'submit',
    "record a unit's submission for an obligation and print the receipt (needs `dondoc start`)",
    'the unit that submits',
  )
    .option('--values <json>', 'the report form values, a JSON object: \'{"so-mo-hinh-dan-van-kheo": 2}\'')
    .option('--values-file <file.json>', 'the report form values, from a JSON file')
    .option('--file <path...>', 'attach files (the document, annexes)')
    .option('--document-number <number>', 'the document number, e.g. 45/BC-UBND')
    .option('--document-date <date>', 'the document date YYYY-MM-DD', (text: string) =>
      formatLocalDate(parseIsoDate(text)),
    )
    .option('--by <name>', 'who submits')
    .option('--paper', 'record a paper document received by Phòng Nội vụ (with --received-at)')
    .option(
      '--received-at <instant>',
      'when the paper document arrived, e.g. 2031-05-09T15:00 (plan time)',
      parseInstant,
    )
    .action(async (target: CycleTarget, unitId: string, obligationId: string, options: SubmitOptions) => {
      if (Boolean(options.paper) !== (options.receivedAt !== undefined)) {
        throw new AppError('USAGE', '--paper and --received-at go together: when did Phòng Nội vụ receive it?');
      }
      const values = await readValues(options);
      await withObligation(target, unitId, obligationId, async (core, obligation) => {
        const files = await core.files.storeFiles(options.file ?? []);
        const request: SubmitRequest = {
          channel: options.paper ? 'paper' : 'cli',
          ...(values && { values }),
          ...(options.documentNumber !== undefined && { documentNumber: options.documentNumber }),
          ...(options.documentDate !== undefined && { documentDate: options.documentDate }),
          ...(options.by !== undefined && { submittedBy: options.by }),
          ...(options.receivedAt !== undefined && { receivedAt: options.receivedAt }),
        };
        // The same command run again (after a timeout, say) is the same Update: recorded once.
        const submitted = await core.submit(obligation, request, { files });
        io.stdout(
          renderReceipt(
            subjectOf(submitted),
            submitted.result,
            files.map((file) => file.ref),
          ),
        );
      });
    });
}

async function readValues(options: SubmitOptions): Promise<Record<string, unknown> | undefined> {
  if (options.values !== undefined && options.valuesFile !== undefined) {
    throw new AppError('USAGE', 'give the values once: --values or --values-file, not both');
  }
  let text = options.values;
  let source = '--values';
  if (options.valuesFile !== undefined) {
    source = `--values-file ${options.valuesFile}`;
    text = await readFile(options.valuesFile, 'utf8').catch(() => {
      throw new AppError('FILE_NOT_FOUND', `${source}: no such file`);
    });
  }
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new AppError('USAGE', `${source}: not valid JSON (${(err as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AppError('USAGE', `${source}: must be a JSON object of field keys to values, e.g. {"so-luong": 2}`);
  }
  return parsed as Record<string, unknown>;
}

/** ISO 8601 date-time; without an offset it is plan time. */
function parseInstant(text: string): string {
  const epochMs = parsePlanDateTime(text);
  if (epochMs === undefined) {
    throw new InvalidArgumentError(
      `must be an ISO 8601 date-time, e.g. 2031-05-09T15:00 (plan time) or …${PLAN_UTC_OFFSET}`,
    );
  }
  return new Date(epochMs).toISOString();
}
