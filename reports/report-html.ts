import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Eta } from 'eta';
import { projectRoot } from '../config/project-root';
import { vnDate, vnDateTime } from '../domain/plan-time';
import type { ConsolidatedReport } from '../domain/report/consolidated-report';
import { REPORT_STATUS_LABELS, vnChange, vnNumber, vnPercent, vnValue } from './report-labels';

const BASIS_LABELS = { 'previous-period': 'Kỳ trước', 'previous-year': 'Cùng kỳ năm trước' } as const;

let template: ((data: object) => string) | undefined;

/** Read from the project root, not `__dirname`: tsc copies no `.eta` into `dist/`. */
function compiled(): (data: object) => string {
  if (!template) {
    const eta = new Eta({ autoEscape: true, autoTrim: [false, 'nl'] });
    const source = readFileSync(path.join(projectRoot(), 'reports', 'templates', 'report.html.eta'), 'utf8');
    const fn = eta.compile(source);
    template = (data) => eta.render(fn, data);
  }
  return template;
}

/** The report as one self-contained HTML page (no script, styles inline), for a browser or a mail client. */
export function reportHtml(report: ConsolidatedReport): string {
  return compiled()({
    report,
    f: {
      vnDate,
      vnDateTime,
      vnNumber,
      vnPercent,
      vnValue,
      vnChange,
      STATUS: REPORT_STATUS_LABELS,
      BASIS: BASIS_LABELS,
    },
  });
}
