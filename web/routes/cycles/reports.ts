import type { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import { REPORT_FORMATS, renderReport } from '../../../reports/report-formats';
import { reportVersions } from '../../cycles/report-versions';
import { HttpError } from '../../http-error';
import { CycleParams, parseParams } from './cycle-params';

const ReportFileParams = CycleParams.extend({ name: z.string().regex(/^[a-z0-9-]+\.[a-z]+$/) });
const LiveReportParams = CycleParams.extend({
  obligationId: z.string().regex(/^[a-z0-9-]+$/),
  format: z.enum(REPORT_FORMATS),
});

/**
 * A report's HTML form, served from the store: it has its own inline styles and no script, and it may not be framed
 * or load anything.
 */
const REPORT_HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

/** How long a live report may wait for Temporal (every unit answers), ms. */
const LIVE_REPORT_DEADLINE_MS = 60_000;

/** The consolidated reports: every stored version (stale ones marked), each file, and a report made now. */
const reportRoutes: FastifyPluginAsync = async (app) => {
  app.get('/:planId/:year/reports', async (request, reply) => {
    const ref = parseParams(CycleParams, request.params);
    const view = await app.cycles.cycle(ref);
    const [records, statuses] = await Promise.all([
      app.core.reports.list(`${ref.planId}/${ref.year}`),
      app.cycles.units(ref, view.status.unitIds),
    ]);
    // The latest submission per obligation, first or later: a re-submission changes the numbers too.
    const latest = new Map<string, string>();
    for (const status of statuses.values()) {
      for (const obligation of status.obligations) {
        const at = obligation.submissions.at(-1)?.submittedAt;
        const seen = latest.get(obligation.id);
        if (at && (!seen || Date.parse(at) > Date.parse(seen))) latest.set(obligation.id, at);
      }
    }
    const versions = reportVersions(records, latest);
    const reported = view.plan.obligations.filter((o) => o.aggregate || versions.some((v) => v.obligationId === o.id));
    return reply.page('reports', {
      title: `Báo cáo tổng hợp — ${view.plan.title} ${ref.year}`,
      ref,
      cycleTitle: `${view.plan.title} năm ${ref.year}`,
      obligations: reported.map((o) => ({
        id: o.id,
        title: o.title,
        versions: versions.filter((v) => v.obligationId === o.id),
        latestSubmissionAt: latest.get(o.id),
      })),
      formats: REPORT_FORMATS,
    });
  });

  app.get('/:planId/:year/reports/live/:obligationId/:format', async (request, reply) => {
    const { planId, year, obligationId, format } = parseParams(LiveReportParams, request.params);
    const report = await app.core.consolidatedReport(
      { planId, year, obligationId },
      { deadlineMs: LIVE_REPORT_DEADLINE_MS },
    );
    const rendered = await renderReport(report, format);
    return sendReport(
      reply,
      `${obligationId}-${year}-hien-tai.${rendered.extension}`,
      rendered.contentType,
      rendered.content,
    );
  });

  app.get('/:planId/:year/reports/:name', async (request, reply) => {
    const { planId, year, name } = parseParams(ReportFileParams, request.params);
    const opened = await app.core.reports.open(`${planId}/${year}`, name);
    if (!opened) throw new HttpError(404, 'Chu kỳ này không có tệp báo cáo này.');
    return sendReport(reply, name, opened.record.contentType, opened.content);
  });
};

/** A stored or live report file: HTML shown (it prints well), anything else downloaded. */
function sendReport(reply: FastifyReply, name: string, contentType: string, content: Buffer | Readable) {
  reply.type(contentType).header('x-content-type-options', 'nosniff').header('cache-control', 'no-store');
  if (contentType.startsWith('text/html')) {
    // Shown in the browser, where it prints well; nothing in it may run.
    return reply.header('content-security-policy', REPORT_HTML_CSP).send(content);
  }
  return reply.header('content-disposition', `attachment; filename="${name}"`).send(content);
}

export default reportRoutes;
