import { createHash } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { formTemplateName } from '../../../channels/email/form-template';
import { cycleClosed } from '../../../cycles/cycle-reads';
import type { SubmitReceipt } from '../../../domain/cycle/unit-commands';
import { isAppError } from '../../../domain/errors';
import { HttpError } from '../../http-error';
import { TEMPORAL_DEADLINE_MS } from '../../plugins/app-context';
import { requestIdOf } from '../../request-id';
import { emailDrafts, storedFile } from '../../submission/email-drafts';
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

import formTemplateRoutes from './form-template-routes';

type TokenRequest = { Params: { token: string } };

/** `/s/<token>`: a unit's page to submit one obligation, reached from its reminder (no login; the token is the key). */
const linkRoutes: FastifyPluginAsync = async (app) => {
  const showForm = async (
    reply: FastifyReply,
    context: LinkContext,
    entry: FormEntry,
    errors: FormErrors,
    status = 200,
  ) =>
    reply.page(
      'submit',
      {
        title: context.obligation.title,
        context,
        entry,
        errors,
        maxFiles: app.web.maxFiles,
        maxFileMb: Math.floor(app.web.maxFileBytes / 1024 / 1024),
        emailFiles: await emailDrafts(app, context),
        formTemplateBase: `/s/${(reply.request.params as { token: string }).token}/${formTemplateName(context.obligation.id, 'csv').replace(/\.csv$/, '')}`,
      },
      status,
    );

  app.get<TokenRequest>('/:token', async (request, reply) => {
    const claims = verifyLink(app, request.params.token);
    const context = await loadLinkContext(app, claims);
    return showForm(reply, context, emptyEntry(), {});
  });

  await app.register(formTemplateRoutes);

  const postOptions = {
    config: {
      // readUpload checks the multipart form's first field, `_csrf`, before it stores anything.
      csrfInMultipart: true,
      // A link is a key anyone holding the message has: its posts are limited whoever sends them. Counted before
      // the token is verified or the body read, so a flood costs neither a signature check nor a stored file.
      rateLimit: {
        max: app.web.submissionPostsPerLinkPerMinute,
        timeWindow: 60_000,
        // Hashed: the limiter's memory keeps no live link.
        keyGenerator: (request: FastifyRequest) => {
          const { token } = request.params as { token: string };
          return `link|${createHash('sha256').update(token).digest('base64url')}`;
        },
        errorResponseBuilder: () =>
          new HttpError(
            429,
            'Liên kết này đã được dùng để nộp quá nhiều lần trong một phút. Vui lòng đợi một phút rồi nộp lại.',
            { title: 'Nộp quá nhiều lần' },
          ),
      },
    },
  };

  app.post<TokenRequest>('/:token', postOptions, async (request, reply) => {
    const claims = verifyLink(app, request.params.token);
    const context = await loadLinkContext(app, claims);
    if (context.unit.closed) throw cycleClosed(claims);
    const upload = await readUpload(app, request);
    // Files the unit sent by replying, kept until it adds the report's values here.
    if (upload.fields.emailFiles === '1') upload.files.push(...(await emailDrafts(app, context)).map(storedFile));
    const entry = entryOf(upload.fields);
    const checked = checkEntry(
      context,
      entry,
      upload.files.map((file) => file.ref),
    );
    if (!checked.ok) {
      // The stored files stay unreferenced: the sweep removes them later (the same bytes may be another unit's).
      return showForm(reply, context, entry, checked.errors, 422);
    }
    const ref = { planId: claims.planId, year: claims.year };
    let receipt: SubmitReceipt;
    try {
      ({ result: receipt } = await app.core.submit(claims, checked.request, {
        files: upload.files,
        requestId: requestIdOf(upload.fields),
        deadlineMs: TEMPORAL_DEADLINE_MS,
      }));
    } catch (err) {
      if (isAppError(err) && err.code === 'UPDATE_REJECTED') {
        return showForm(reply, context, entry, placeRejection(err.userMessage ?? err.message), 422);
      }
      throw err;
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
