import type { FastifyPluginAsync } from 'fastify';
import { planCalendar } from '../../../domain/plan/plan-calendar';
import { calendarStripSvg } from '../../charts/calendar-strip';
import { lateUnitsSvg } from '../../charts/late-units';
import { obligationBarsSvg } from '../../charts/obligation-bars';
import { progressLineSvg } from '../../charts/progress-line';
import { CHART_STATE_LABELS, CHART_STATES, cycleCharts } from '../../cycles/cycle-charts';
import { CycleParams, parseParams } from './cycle-params';

/**
 * The pictures are inline SVG drawn on the server: the page needs no script, so it forbids every script and every
 * fetch but its own styles; the logout form still posts to the app.
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
  app.get('/:planId/:year/charts', async (request, reply) => {
    const ref = parseParams(CycleParams, request.params);
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
    reply.header('content-security-policy', CHARTS_PAGE_CSP);
    return reply.page('charts', {
      title: `Tổng quan — ${view.plan.title} ${ref.year}`,
      view,
      charts,
      now: now.toISOString(),
      unread: view.status.unitIds.length - statuses.size,
      states: CHART_STATES.map((state) => ({ state, label: CHART_STATE_LABELS[state] })),
      pictures: {
        obligations: obligationBarsSvg(charts.obligations),
        progress: progressLineSvg(charts.progress),
        lateUnits: lateUnitsSvg(charts.lateUnits),
        calendar: calendarStripSvg(charts.calendar.year, charts.calendar.months),
      },
    });
  });
};

export default chartRoutes;
