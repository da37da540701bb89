import type { FastifyPluginAsync } from 'fastify';
import { CycleParams, parseParams } from './cycle-params';

/** Every overdue obligation of a cycle, the latest first by due date, with its escalation level. */
const overdueRoutes: FastifyPluginAsync = async (app) => {
  app.get('/:planId/:year/overdue', async (request, reply) => {
    const ref = parseParams(CycleParams, request.params);
    const view = await app.cycles.cycle(ref);
    const statuses = await app.cycles.overdueCandidates(ref, view.status.unitIds);
    const rows = [...statuses.values()]
      .flatMap((unit) =>
        unit.obligations.filter((o) => o.state === 'overdue').map((obligation) => ({ unit, obligation })),
      )
      .sort(
        (a, b) =>
          a.obligation.dueDate.localeCompare(b.obligation.dueDate) ||
          a.unit.unit.name.localeCompare(b.unit.unit.name, 'vi'),
      );
    return reply.page('overdue', { title: `Quá hạn — ${view.plan.title} ${ref.year}`, view, rows });
  });
};

export default overdueRoutes;
