import type { FastifyPluginAsync } from 'fastify';
import { planCalendar } from '../../../domain/plan/plan-calendar';
import { calendarStripSvg } from '../../charts/calendar-strip';
import { lateUnitsSvg } from '../../charts/late-units';
import { obligationBarsSvg } from '../../charts/obligation-bars';
import { progressLineSvg } from '../../charts/progress-line';
import { CHART_STATE_LABELS, CHART_STATES, cycleCharts } from '../../cycles/cycle-charts';
import { CycleParams, parseParams } from './cycle-params';

/**
 * The pictures are SVG drawn on the server: the page needs no script, so it forbids every script and every fetch but
 * its own styles; the logout form still posts to the app.
 */
const CHARTS_PAGE_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** "Tổng quan" of a cycle (issue #12): four pictures, each with its numbers in a table. */
const chartRoutes: FastifyPluginAsync = async (app) => {
  async function chartsOf(params: unknown) {
    const ref = parseParams(CycleParams, params);
    const view = await app.cycles.cycle(ref);
    const statuses = await app.cycles.units(ref, view.status.unitIds);
    const now = app.clock();
    const charts = cycleCharts({
      plan: view.plan,
      year: ref.year,
      statuses: [...statuses.values()],
      calendarYear: planCalendar(view.plan, app.core.announced).describeYear(ref.year),
      nowMs: now.getTime(),
    });
    return { ref, view, charts, now, unread: view.status.unitIds.length - statuses.size };
  }

  app.get('/:planId/:year/charts', async (request, reply) => {
    const { ref, view, charts, now, unread } = await chartsOf(request.params);
    reply.header('content-security-policy', CHARTS_PAGE_CSP);
    return reply.page('charts', {
      title: `Tổng quan — ${view.plan.title} ${ref.year}`,
      view,
      charts,
      now: now.toISOString(),
      unread,
      states: CHART_STATES.map((state) => ({ state, label: CHART_STATE_LABELS[state] })),
      pictures: {
        obligations: obligationBarsSvg(charts.obligations),
        progress: progressLineSvg(charts.progress),
        lateUnits: lateUnitsSvg(charts.lateUnits),
        calendar: calendarStripSvg(charts.calendar.year, charts.calendar.months),
      },
    });
  });

  /** The per-obligation bars alone, as an image for the cycle page (its numbers are on the Tổng quan page). */
  app.get('/:planId/:year/charts/obligations.svg', async (request, reply) => {
    const { charts } = await chartsOf(request.params);
    return reply
      .type('image/svg+xml; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .send(obligationBarsSvg(charts.obligations));
  });
};

export default chartRoutes;
