import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../../http-error';
import { TEMPORAL_DEADLINE_MS } from '../../plugins/app-context';
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

/** An `Idempotency-Key` header: a client that retries a POST with the same key records one submission. */
const IdempotencyKey = z.string().regex(/^[\x21-\x7e]{1,128}$/, 'Idempotency-Key: 1–128 visible ASCII characters');

/** `/api/v1`: JSON for other systems, with a bearer token (`dondoc token create`) whose scopes allow the call. */
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
    const target = parseParams(ObligationParams, request.params);
    const body = SubmissionBody.safeParse(request.body ?? {});
    if (!body.success) throw new HttpError(400, z.prettifyError(body.error));
    const header = request.headers['idempotency-key'];
    const key = header === undefined ? undefined : IdempotencyKey.safeParse(header);
    if (key && !key.success) throw new HttpError(400, z.prettifyError(key.error));
    // Dating a submission in the past is for the clerk who records paper documents, not for every client.
    if (body.data.receivedAt !== undefined || body.data.channel === 'paper') app.requireApiScope(request, 'paper');
    const tokenId = request.apiToken?.id;
    try {
      const { result } = await app.core.submit(
        target,
        { ...body.data, ...(tokenId && { tokenId }) },
        {
          ...(key?.data && { requestId: key.data }),
          deadlineMs: TEMPORAL_DEADLINE_MS,
        },
      );
      return await reply.code(201).send(result);
    } finally {
      app.cycles.forget(target, target.unitId);
    }
  });
};

export default apiRoutes;
