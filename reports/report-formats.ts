import type { ConsolidatedReport } from '../domain/report/consolidated-report';
import { reportCsv } from './report-csv';
import { reportHtml } from './report-html';
import { reportXlsx } from './report-xlsx';

export const REPORT_FORMATS = ['docx', 'csv', 'xlsx', 'html', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What an aggregation writes, in this order. */
export const REPORT_FILE_FORMATS: readonly ReportFormat[] = REPORT_FORMATS.filter((f) => f !== 'docx');

export interface RenderedReport {
  content: Buffer;
  contentType: string;
  /** Without the dot. */
  extension: ReportFormat;
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
  json: 'application/json',
};

/** One consolidated report in one of its forms: every form shows the same numbers, computed once. */
export async function renderReport(report: ConsolidatedReport, format: ReportFormat): Promise<RenderedReport> {
  const content = await contentOf(report, format);
  return { content, contentType: CONTENT_TYPES[format], extension: format };
}

async function contentOf(report: ConsolidatedReport, format: ReportFormat): Promise<Buffer> {
  switch (format) {
    case 'docx':
      throw new Error('the DOCX renderer is not merged yet');
    case 'csv':
      return Buffer.from(reportCsv(report));
    case 'xlsx':
      return reportXlsx(report);
    case 'html':
      return Buffer.from(reportHtml(report));
    case 'json':
      return Buffer.from(`${JSON.stringify(report, null, 2)}\n`);
  }
}

/** The content type of a stored report file, from its name. */
export function reportContentType(name: string): string {
  const extension = REPORT_FORMATS.find((f) => name.endsWith(`.${f}`));
  return extension ? CONTENT_TYPES[extension] : 'application/octet-stream';
}
