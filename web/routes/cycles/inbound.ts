import type { FastifyPluginAsync } from 'fastify';
import { toPlanIso } from '../../../domain/plan-time';
import { HttpError } from '../../http-error';
import { CycleParams, parseParams } from './cycle-params';

/** What each outcome of a reply means to Phòng Nội vụ. */
export const INBOUND_OUTCOME_LABELS: Record<string, string> = {
  pending: 'Đang xử lý',
  submitted: 'Đã ghi nhận',
  'needs-values': 'Thiếu số liệu',
  'refused-sender': 'Người gửi lạ',
  unmatched: 'Không rõ trả lời thư nào',
  closed: 'Chu kỳ đã kết thúc',
  'rejected-attachments': 'Tệp không hợp lệ',
  ignored: 'Thư tự động, bỏ qua',
};

/**
 * Submit by replying: every email a unit (or anyone) sent back to a reminder of this cycle, and what became of it:
 * recorded, refused (a stranger, a disguised file), or waiting for the report's values. Read from the database only.
 */
const inboundRoutes: FastifyPluginAsync = async (app) => {
  app.get('/:planId/:year/inbound', async (request, reply) => {
    const ref = parseParams(CycleParams, request.params);
    if (!app.inbound) throw new HttpError(404, 'Hệ thống chưa nhận thư trả lời.');
    const rows = await app.inbound.list(ref);
    return reply.page('inbound', {
      title: `Thư trả lời — ${ref.planId} năm ${ref.year}`,
      ref,
      labels: INBOUND_OUTCOME_LABELS,
      rows: rows.map((row) => ({ ...row, receivedAt: toPlanIso(row.receivedAt.getTime()) })),
    });
  });
};

export default inboundRoutes;
