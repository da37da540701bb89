import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { createInboxToken } from '../../../links/inbox-token';
import { HttpError } from '../../http-error';
import { originOf } from '../inbox';
import { parseParams, UnitParams } from './cycle-params';

const FileParams = UnitParams.extend({ sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/** The newest messages that mention a unit, on its page; the notification centre has the rest. */
const UNIT_MESSAGES = 100;

const DONE: Record<string, string> = {
  paper: 'Đã ghi nhận văn bản giấy.',
  extend: 'Đã gia hạn.',
  waive: 'Đã miễn nhiệm vụ cho đơn vị.',
  resend: 'Đã gửi lại nhắc nhở cho đơn vị.',
  inbox:
    'Đã thu hồi liên kết cũ và cấp liên kết mới: liên kết cũ không mở được nữa; tin nhắn tiếp theo mang liên kết mới.',
};

const RevokeBody = z.object({ generation: z.coerce.number().int().min(1) });

/** A unit's page (submissions, notifications, messages that mention it, contact problems, actions) and its files. */
const unitRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { done?: string } }>('/:planId/:year/units/:unitId', async (request, reply) => {
    const { planId, year, unitId } = parseParams(UnitParams, request.params);
    const ref = { planId, year };
    const [unit, view, messages, generations] = await Promise.all([
      app.cycles.unit(ref, unitId),
      app.cycles.cycle(ref),
      app.messages.list({ ...ref, unitId, limit: UNIT_MESSAGES }),
      app.inboxes.generations([unitId]),
    ]);
    const generation = generations.get(unitId) ?? 1;
    const inboxUrl = `${originOf(app, request)}/i/${createInboxToken(app.keys.inbox.signing, { unitId, generation })}`;
    const labels = Object.fromEntries(
      Object.values(view.plan.forms).flatMap((form) => form.fields.map((field) => [field.key, field.label])),
    );
    const done = DONE[request.query.done ?? ''];
    return reply.page('unit', {
      title: unit.unit.name,
      view,
      unit,
      labels,
      done,
      messages,
      messagesLimit: UNIT_MESSAGES,
      now: app.clock().toISOString(),
      inbox: { url: inboxUrl, generation },
    });
  });

  // The unit's inbox link (one per unit across plans): a new generation; the old link answers 410 from now on.
  app.post('/:planId/:year/units/:unitId/inbox/revoke', async (request, reply) => {
    const { planId, year, unitId } = parseParams(UnitParams, request.params);
    const parsed = RevokeBody.safeParse(request.body ?? {});
    if (!parsed.success) throw new HttpError(400, 'Biểu mẫu thu hồi thiếu số thế hệ liên kết (generation).');
    // The unit must be part of this cycle: no row is written for an id that names nothing.
    await app.cycles.unit({ planId, year }, unitId);
    await app.inboxes.revoke(unitId, parsed.data.generation, request.user ?? 'dashboard', app.clock());
    return reply.redirect(`/cycles/${planId}/${year}/units/${unitId}?done=inbox`, 303);
  });

  // Only from the dashboard, and only files that a submission of this unit names.
  app.get('/:planId/:year/units/:unitId/files/:sha256', async (request, reply) => {
    const { planId, year, unitId, sha256 } = parseParams(FileParams, request.params);
    const unit = await app.cycles.unit({ planId, year }, unitId);
    const file = unit.obligations
      .flatMap((o) => o.submissions.flatMap((s) => s.files ?? []))
      .find((f) => f.sha256 === sha256);
    if (!file) throw new HttpError(404, 'Đơn vị không có tệp này.');
    const content = await app.core.files.open(sha256);
    if (!content) throw new HttpError(404, 'Tệp này không còn trong kho lưu trữ. Xin liên hệ quản trị hệ thống.');
    const ascii =
      file.filename
        .normalize('NFD')
        .replace(/[^\x20-\x7e]/g, '')
        .replace(/["\\]/g, '_') || 'tep';
    return reply
      .type(file.contentType)
      .header('x-content-type-options', 'nosniff')
      .header(
        'content-disposition',
        `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      )
      .send(content);
  });
};

export default unitRoutes;
