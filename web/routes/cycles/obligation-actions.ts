import type { UpdateDefinition } from '@temporalio/client';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { unitWorkflowId } from '../../../domain/cycle/cycle-input';
import { extendUpdate, resendReminderUpdate, submitUpdate, waiveUpdate } from '../../../workflows/unit-messages';
import { HttpError } from '../../http-error';
import { webTemporalError } from '../../temporal/web-temporal-error';
import { planTimeToIso } from '../../views/vn-format';
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
 * Each is the unit workflow's own Update; a refusal shows the workflow's sentence (422).
 */
const obligationActions: FastifyPluginAsync = async (app) => {
  const PREFIX = '/:planId/:year/units/:unitId/obligations/:obligationId';

  /** Runs `update` on the unit's workflow with the input `inputFor` builds, then back to the unit's page. */
  async function act<Input>(
    request: FastifyRequest,
    reply: FastifyReply,
    done: string,
    update: UpdateDefinition<unknown, [Input]>,
    inputFor: (obligationId: string) => Input,
  ) {
    const { planId, year, unitId, obligationId } = parseParams(ObligationParams, request.params);
    const ref = { planId, year };
    try {
      await app.withTemporal((client) =>
        client.workflow
          .getHandle(unitWorkflowId(ref, unitId))
          .executeUpdate(update, { args: [inputFor(obligationId)] }),
      );
    } catch (err) {
      throw webTemporalError(err, `đơn vị ${unitId}`);
    } finally {
      app.cycles.forget(ref, unitId);
    }
    return reply.redirect(`/cycles/${planId}/${year}/units/${unitId}?done=${done}`, 303);
  }

  app.post(`${PREFIX}/paper`, async (request, reply) => {
    const body = parseBody(PaperBody, request.body);
    const receivedAt = planTimeToIso(body.receivedAt);
    if (!receivedAt) throw new HttpError(400, `Thời điểm nhận «${body.receivedAt}» không hợp lệ`);
    return act(request, reply, 'paper', submitUpdate, (obligationId) => ({
      obligationId,
      channel: 'paper' as const,
      receivedAt,
      ...(body.documentNumber && { documentNumber: body.documentNumber }),
      ...(body.documentDate && { documentDate: body.documentDate }),
      submittedBy: body.submittedBy || `Phòng Nội vụ (${request.user ?? ''})`,
    }));
  });

  app.post(`${PREFIX}/extend`, async (request, reply) => {
    const body = parseBody(ExtendBody, request.body);
    return act(request, reply, 'extend', extendUpdate, (obligationId) => ({
      obligationId,
      newDueDate: body.newDueDate,
      reason: body.reason,
      ...(request.user && { by: request.user }),
    }));
  });

  app.post(`${PREFIX}/waive`, async (request, reply) => {
    const body = parseBody(WaiveBody, request.body);
    return act(request, reply, 'waive', waiveUpdate, (obligationId) => ({
      obligationId,
      reason: body.reason,
      ...(request.user && { by: request.user }),
    }));
  });

  app.post(`${PREFIX}/resend`, async (request, reply) =>
    act(request, reply, 'resend', resendReminderUpdate, (obligationId) => ({
      obligationId,
      ...(request.user && { by: request.user }),
    })),
  );
};

export default obligationActions;
