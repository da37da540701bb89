import type { FastifyPluginAsync } from 'fastify';
import type { ScheduleView } from '../../../cycles';
import { describeYearlyRule } from '../../../domain/cycle/yearly-schedule';
import { TEMPORAL_DEADLINE_MS } from '../../plugins/app-context';

/** `/schedules`: the yearly cycle schedules, their next run and what their recent runs did (needs a session). */
const scheduleRoutes: FastifyPluginAsync = async (app) => {
  app.addHook('preHandler', app.requireUser);

  app.get('/', async (request, reply) => {
    let schedules: ScheduleView[] = [];
    let problem: string | undefined;
    try {
      schedules = await app.core.listSchedules({ deadlineMs: TEMPORAL_DEADLINE_MS });
    } catch (err) {
      request.log.warn({ err }, 'listing schedules failed');
      problem = 'Không đọc được danh sách lịch từ Temporal.';
    }
    return reply.page('schedules', { title: 'Lịch khởi tạo chu kỳ', schedules, problem, rule: describeYearlyRule });
  });
};

export default scheduleRoutes;
