import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { unitWorkflowId } from '../../../domain/cycle/cycle-input';
import { submitUpdate } from '../../../workflows/unit-messages';
import { HttpError } from '../../http-error';
import { webTemporalError } from '../../temporal/web-temporal-error';
import { CycleParams, ObligationParams, parseParams, UnitParams } from '../cycles/cycle-params';

/** SubmitInput without files (no upload through JSON) and without obligationId (it is in the path). */
const SubmissionBody = z.strictObject({
  values: z.record(z.string(), z.unknown()).optional(),
  documentNumber: z.string().max(50).optional(),
  documentDate: z.string().max(10).optional(),
  submittedBy: z.string().max(200).optional(),
  channel: z.enum(['api', 'paper']).default('api'),
  receivedAt: z.string().max(40).optional(),
});

/** `/api/v1`: JSON for other systems, with a bearer token from DONDOC_API_TOKENS. */
const apiRoutes: FastifyPluginAsync = async (app) => {
  app.addHook('preHandler', app.requireApiAccess);

  app.get('/cycles/:planId/:year', async (request) => {
    const ref = parseParams(CycleParams, request.params);
    return (await app.cycles.cycle(ref)).status;
  });

  app.get('/cycles/:planId/:year/units/:unitId', async (request) => {
    const { planId, year, unitId } = parseParams(UnitParams, request.params);
    return app.cycles.unit({ planId, year }, unitId);
  });

  app.post('/cycles/:planId/:year/units/:unitId/obligations/:obligationId/submissions', async (request, reply) => {
    const { planId, year, unitId, obligationId } = parseParams(ObligationParams, request.params);
    const body = SubmissionBody.safeParse(request.body ?? {});
    if (!body.success) throw new HttpError(400, z.prettifyError(body.error));
    const ref = { planId, year };
    try {
      const receipt = await app.withTemporal((client) =>
        client.workflow
          .getHandle(unitWorkflowId(ref, unitId))
          .executeUpdate(submitUpdate, { args: [{ obligationId, ...body.data }] }),
      );
      return await reply.code(201).send(receipt);
    } catch (err) {
      throw webTemporalError(err, `đơn vị ${unitId} trong chu kỳ ${planId}/${year}`);
    } finally {
      app.cycles.forget(ref, unitId);
    }
  });
};

export default apiRoutes;
