import { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import { planContactProblems } from '../../../domain/dispatch/plan-contact-problems';
import { cycleMatrix } from '../../cycles/cycle-matrix';
import { matrixCsvChunks } from '../../cycles/matrix-csv';
import chartRoutes from './charts';
import { CycleParams, MatrixQuery, parseParams } from './cycle-params';
import inboundRoutes from './inbound';
import messageRoutes from './messages';
import obligationActions from './obligation-actions';
import overdueRoutes from './overdue';
import reportRoutes from './reports';
import unitRoutes from './unit';

/** The Phòng Nội vụ dashboard: every page here needs a session. */
const cycleRoutes: FastifyPluginAsync = async (app) => {
  app.addHook('preHandler', app.requireUser);

  app.get('/', async (request, reply) => {
    let cycles: Awaited<ReturnType<typeof app.cycles.list>> = [];
    let problem: string | undefined;
    try {
      cycles = await app.cycles.list();
    } catch (err) {
      request.log.warn({ err }, 'listing cycles failed');
      problem = 'Không đọc được danh sách chu kỳ từ Temporal (máy chủ có bật tìm kiếm workflow không?).';
    }
    return reply.page('cycles', { title: 'Các chu kỳ', cycles, problem });
  });

  app.get('/:planId/:year', async (request, reply) => {
    const ref = parseParams(CycleParams, request.params);
    const filter = MatrixQuery.parse(request.query);
    // The database's answers do not wait for Temporal's.
    const fromDatabase = Promise.all([app.messages.countByStatus(ref), app.contactProblems.list()]);
    fromDatabase.catch(() => undefined); // awaited below; not unhandled if the cycle read fails first
    const view = await app.cycles.cycle(ref);
    const matrix = await cycleMatrix(app.cycles, view, filter, app.web.pageSize);
    const [messageCounts, allProblems] = await fromDatabase;
    const problems = planContactProblems(view.plan, allProblems);
    return reply.page('matrix', {
      title: `${view.plan.title} ${ref.year}`,
      view,
      matrix,
      filter,
      messageCounts,
      problems,
    });
  });

  app.get('/:planId/:year/export.csv', async (request, reply) => {
    const ref = parseParams(CycleParams, request.params);
    const filter = MatrixQuery.parse(request.query);
    const view = await app.cycles.cycle(ref);
    const chunks = matrixCsvChunks(app.cycles, view, filter);
    // The first units are read before the headers go out: Temporal not answering is still a 503 page.
    const first = await chunks.next();
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${ref.planId}-${ref.year}.csv"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(followedBy(first, chunks)));
  });

  await app.register(overdueRoutes);
  await app.register(messageRoutes);
  await app.register(inboundRoutes);
  await app.register(reportRoutes);
  await app.register(unitRoutes);
  await app.register(obligationActions);
  await app.register(chartRoutes);
};

export default cycleRoutes;

/** A chunk already read, then the rest. */
async function* followedBy(first: IteratorResult<string>, rest: AsyncGenerator<string>): AsyncGenerator<string> {
  if (!first.done) yield first.value;
  yield* rest;
}
