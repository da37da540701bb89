import { readFileSync, writeFileSync } from 'node:fs';
import type { ConsolidatedReport } from '../domain/report/consolidated-report';
import { renderReportDocx } from '../reports/docx/render-report-docx';

// `tsx scripts/render-report-docx.ts <report.json> <out.docx>`: the DOCX of a ConsolidatedReport saved as JSON (the
// shape of domain/report/consolidated-report.ts). render-report-preview.sh runs it to picture the first page.

async function main(): Promise<void> {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) throw new Error('usage: tsx scripts/render-report-docx.ts <report.json> <out.docx>');
  const report = JSON.parse(readFileSync(input, 'utf8')) as ConsolidatedReport;
  if (!report.obligation || !Array.isArray(report.units) || !Array.isArray(report.indicators)) {
    throw new Error(`${input} is not a ConsolidatedReport (no obligation, units or indicators)`);
  }
  writeFileSync(output, await renderReportDocx(report));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
