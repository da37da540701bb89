import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ObligationTarget, UnitUpdateOptions } from '../../../cycles';
import { parsePlanDateTime } from '../../../domain/plan-time';
import { HttpError } from '../../http-error';
import { TEMPORAL_DEADLINE_MS } from '../../plugins/app-context';
import { requestIdOf } from '../../request-id';
import { ObligationParams, parseParams } from './cycle-params';

const text = (max: number) => z.string().trim().max(max);

const PaperBody = z.object({
  receivedAt: z.string().min(1, 'Cần ghi thời điểm nhận'),
  documentNumber: text(50).optional(),
  documentDate: text(10).optional(),
  submittedBy: text(200).optional(),
});
const ExtendBody = z.object({ newDueDate: text(10).min(1, 'Cần chọn hạn mới'), reason: text(1000) });
const WaiveBody = z.object({ reason: text(1000) });

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new HttpError(400, parsed.error.issues.map((issue) => issue.message).join('; '));
  return parsed.data;
}

/**
 * Phòng Nội vụ's actions on one obligation of one unit: record a paper document, extend, waive, resend a reminder.
 * Each is the unit workflow's own Update through the core; a refusal shows the workflow's sentence (422).
 */
const obligationActions: FastifyPluginAsync = async (app) => {
  const PREFIX = '/:planId/:year/units/:unitId/obligations/:obligationId';

  /** Runs `action` on the obligation the path names, then back to the unit's page. */
  async function act(
    request: FastifyRequest,
    reply: FastifyReply,
    done: string,
    action: (target: ObligationTarget, options: UnitUpdateOptions) => Promise<unknown>,
  ) {
    const target = parseParams(ObligationParams, request.params);
    const requestId = requestIdOf(request.body as Record<string, unknown> | undefined);
    try {
      await action(target, { deadlineMs: TEMPORAL_DEADLINE_MS, ...(requestId && { requestId }) });
    } finally {
      app.cycles.forget(target, target.unitId);
    }
    const { planId, year, unitId } = target;
    return reply.redirect(`/cycles/${planId}/${year}/units/${unitId}?done=${done}`, 303);
  }

  app.post(`${PREFIX}/paper`, async (request, reply) => {
    const body = parseBody(PaperBody, request.body);
    // A `datetime-local` value: plan time, no offset.
    const receivedMs = parsePlanDateTime(body.receivedAt);
    if (receivedMs === undefined) throw new HttpError(400, `Thời điểm nhận «${body.receivedAt}» không hợp lệ`);
    return act(request, reply, 'paper', (target, options) =>
      app.core.submit(
        target,
        {
          channel: 'paper',
          receivedAt: new Date(receivedMs).toISOString(),
          ...(body.documentNumber && { documentNumber: body.documentNumber }),
          ...(body.documentDate && { documentDate: body.documentDate }),
          submittedBy: body.submittedBy || `Phòng Nội vụ (${request.user ?? ''})`,
        },
        options,
      ),
    );
  });

  app.post(`${PREFIX}/extend`, async (request, reply) => {
    const body = parseBody(ExtendBody, request.body);
    return act(request, reply, 'extend', (target, options) =>
      app.core.extend(
        target,
        { newDueDate: body.newDueDate, reason: body.reason, ...(request.user && { by: request.user }) },
        options,
      ),
    );
  });

  app.post(`${PREFIX}/waive`, async (request, reply) => {
    const body = parseBody(WaiveBody, request.body);
    return act(request, reply, 'waive', (target, options) =>
      app.core.waive(target, { reason: body.reason, ...(request.user && { by: request.user }) }, options),
    );
  });

  app.post(`${PREFIX}/resend`, async (request, reply) =>
    act(request, reply, 'resend', (target, options) =>
      app.core.resend(target, { ...(request.user && { by: request.user }) }, options),
    ),
  );
};

export default obligationActions;
