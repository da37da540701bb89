import type { FastifyPluginAsync } from 'fastify';
import { formTemplateCsv, formTemplateName, formTemplateXlsx } from '../../../channels/email/form-template';
import { HttpError } from '../../http-error';
import { loadLinkContext, verifyLink } from '../../submission/link-context';

type TemplateRequest = { Params: { token: string; name: string } };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `/s/<token>/bieu-mau-<id>.csv|xlsx`: the report's form to fill in Excel and attach to a reply. */
const formTemplateRoutes: FastifyPluginAsync = async (app) => {
  app.get<TemplateRequest>('/:token/:name', async (request, reply) => {
    const claims = verifyLink(app, request.params.token);
    const context = await loadLinkContext(app, claims);
    const form = context.obligation.form;
    const csv = formTemplateName(claims.obligationId, 'csv');
    const xlsx = formTemplateName(claims.obligationId, 'xlsx');
    if (!form || (request.params.name !== csv && request.params.name !== xlsx)) {
      throw new HttpError(404, 'Nhiệm vụ này không có biểu mẫu số liệu.');
    }
    const name = request.params.name;
    reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store');
    if (name === csv) return reply.type('text/csv; charset=utf-8').send(formTemplateCsv(form));
    return reply.type(XLSX).send(await formTemplateXlsx(form, context.obligation.title));
  });
};

export default formTemplateRoutes;
