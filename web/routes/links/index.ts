import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { unitWorkflowId } from '../../../domain/cycle/cycle-input';
import type { SubmitReceipt } from '../../../domain/cycle/unit-commands';
import { submitUpdate } from '../../../workflows/unit-messages';
import { removeCreated } from '../../../storage/file-store';
import { HttpError } from '../../http-error';
import { loadLinkContext, verifyLink, type LinkContext } from '../../submission/link-context';
import { readUpload } from '../../submission/read-upload';
import {
  checkEntry,
  emptyEntry,
  entryOf,
  placeRejection,
  type FormEntry,
  type FormErrors,
} from '../../submission/submission-form';
import { webTemporalError } from '../../temporal/web-temporal-error';

type TokenRequest = { Params: { token: string } };

function closedError(): HttpError {
  return new HttpError(410, 'Chu kỳ này đã kết thúc: hệ thống không nhận thêm văn bản. Xin liên hệ Phòng Nội vụ.', {
    title: 'Chu kỳ đã kết thúc',
  });
}

/** `/s/<token>`: a unit's page to submit one obligation, reached from its reminder (no login; the token is the key). */
const linkRoutes: FastifyPluginAsync = async (app) => {
  const showForm = (reply: FastifyReply, context: LinkContext, entry: FormEntry, errors: FormErrors, status = 200) =>
    reply.page(
      'submit',
      {
        title: context.obligation.title,
        context,
        entry,
        errors,
        maxFiles: app.web.maxFiles,
        maxFileMb: Math.floor(app.web.maxFileBytes / 1024 / 1024),
      },
      status,
    );

  app.get<TokenRequest>('/:token', async (request, reply) => {
    const claims = verifyLink(app, request.params.token);
    const context = await loadLinkContext(app, claims);
    return showForm(reply, context, emptyEntry(), {});
  });

  app.post<TokenRequest>('/:token', async (request, reply) => {
    const claims = verifyLink(app, request.params.token);
    const context = await loadLinkContext(app, claims);
    if (context.unit.closed) throw closedError();
    const upload = await readUpload(app, request);
    const entry = entryOf(upload.fields);
    const checked = checkEntry(
      context,
      entry,
      upload.files.map((file) => file.ref),
    );
    if (!checked.ok) {
      await removeCreated(upload.files);
      return showForm(reply, context, entry, checked.errors, 422);
    }
    const ref = { planId: claims.planId, year: claims.year };
    let receipt: SubmitReceipt;
    try {
      receipt = await app.withTemporal((client) =>
        client.workflow
          .getHandle(unitWorkflowId(ref, claims.unitId))
          .executeUpdate(submitUpdate, { args: [checked.input] }),
      );
    } catch (err) {
      // Only when the workflow surely did not take it: after a timeout the submission may still be recorded.
      if (err instanceof WorkflowUpdateFailedError || err instanceof WorkflowNotFoundError) {
        await removeCreated(upload.files);
      }
      const mapped = webTemporalError(err, 'hồ sơ của đơn vị');
      if (mapped instanceof HttpError && mapped.statusCode === 422) {
        return showForm(reply, context, entry, placeRejection(mapped.message), 422);
      }
      throw mapped;
    } finally {
      app.cycles.forget(ref, claims.unitId);
    }
    const unit = await app.cycles.unit(ref, claims.unitId).catch(() => context.unit);
    const obligation = unit.obligations.find((o) => o.id === claims.obligationId) ?? context.obligation;
    const earlier = obligation.submissions.filter((s) => s.version < receipt.version);
    return reply.page('receipt', {
      title: 'Đã nhận văn bản',
      context: { ...context, unit, obligation },
      receipt,
      files: upload.files.map((file) => file.ref),
      earlier,
    });
  });
};

export default linkRoutes;
