import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config/env';
import type { DayNumber } from '../../domain/local-date';
import { runSimulation } from '../../simulate/run-simulation';
import { formatRecipientTable } from '../format/recipient-table';
import { planYearArguments } from '../options';
import type { CliIo } from '../program';

interface SimulateOptions {
  year: number;
  scenario: string;
  out: string;
  issuedOn?: DayNumber;
  smtpUrl?: string;
  zaloBaseUrl?: string;
}

export function registerSimulate(program: Command, io: CliIo): void {
  planYearArguments(
    program
      .command('simulate')
      .description('run a whole cycle of a plan on the time-skipping test server, with real SMTP and Zalo traffic'),
    'the cycle year (past or future)',
  )
    .requiredOption('--scenario <scenario.yaml>', 'who submits, gets an extension or a waiver, and when')
    .requiredOption('--out <dir>', 'where outcomes.json, notifications.jsonl and reports/ are written')
    .option('--smtp-url <url>', 'send the emails to this SMTP server (default: a local capture in <out>/mail)')
    .option('--zalo-base-url <url>', 'send Zalo calls (ZNS, OA, OAuth) to this base URL (default: a local fake)')
    .action(async (planFile: string, options: SimulateOptions) => {
      const started = Date.now();
      const result = await runSimulation(loadConfig(), {
        planFile,
        scenarioFile: options.scenario,
        outDir: options.out,
        year: options.year,
        ...(options.issuedOn !== undefined && { issuedOn: options.issuedOn }),
        ...(options.smtpUrl && { smtpUrl: options.smtpUrl }),
        ...(options.zaloBaseUrl && { zaloBaseUrl: options.zaloBaseUrl }),
        log: (line) => io.stdout(`${line}\n`),
      });
      const messageCount = (counts: typeof result.recipients): number => counts.reduce((n, c) => n + c.messages, 0);
      const count = (status: string): number => result.outcomes.filter((o) => o.status === status).length;
      for (const line of result.rejected) io.stderr(`rejected: ${line}\n`);
      io.stdout(`messages per recipient (also in recipients.json):\n${formatRecipientTable(result.recipients)}`);
      if (result.busiestHistory) {
        io.stdout(
          `busiest unit workflow: ${result.busiestHistory.unitId}, ${result.busiestHistory.events} history events\n`,
        );
      }
      io.stdout(
        `${result.outcomes.length} obligations: ${count('on-time')} on time, ${count('late')} late, ` +
          `${count('missing')} missing, ${count('waived')} waived; ${messageCount(result.recipients)} messages (${result.notifications} items) delivered; ` +
          `${((Date.now() - started) / 1000).toFixed(1)} s\n` +
          `→ ${path.join(options.out, 'outcomes.json')}, ${path.join(options.out, 'notifications.jsonl')}, ${path.join(options.out, 'reports')}/\n`,
      );
    });
}
