import type { FastifyInstance } from 'fastify';
import { verifyInboxToken, type InboxClaims } from '../../../links/inbox-token';
import { HttpError } from '../../http-error';

const FAILURES = {
  malformed: [
    400,
    'Liên kết không hợp lệ',
    'Liên kết xem việc của đơn vị không đúng dạng. Vui lòng mở lại đúng liên kết trong tin nhắn hoặc email đã nhận.',
  ],
  'bad-signature': [
    403,
    'Liên kết không hợp lệ',
    'Liên kết này đã bị thay đổi hoặc không do hệ thống cấp. Vui lòng dùng đúng liên kết đã nhận.',
  ],
} as const;

/** The link was replaced from the dashboard: a newer one goes out with the next message. */
export const REVOKED = new HttpError(
  410,
  'Liên kết này đã được thu hồi và thay bằng liên kết mới. Vui lòng dùng liên kết trong tin nhắn hoặc email mới nhất, hoặc liên hệ Phòng Nội vụ.',
  { title: 'Liên kết đã bị thu hồi' },
);

/** No cycle of any plan runs for the unit any more: the link has nothing to show. */
export const NOTHING_IN_FORCE = new HttpError(
  410,
  'Đơn vị hiện không có kế hoạch nào đang thực hiện, nên liên kết này không còn hiệu lực. Vui lòng liên hệ Phòng Nội vụ nếu cần.',
  { title: 'Liên kết hết hiệu lực' },
);

/**
 * The signature first (no database read for a forged link), then the generation: a link of a revoked generation
 * answers 410 whatever else holds. Reads nothing of the cycles and changes nothing.
 */
export async function verifyInboxLink(app: FastifyInstance, token: string): Promise<InboxClaims> {
  const checked = verifyInboxToken(app.keys.inbox.verifying, token);
  if (!checked.ok) {
    const [status, title, message] = FAILURES[checked.reason];
    throw new HttpError(status, message, { title });
  }
  const current = (await app.inboxes.generations([checked.claims.unitId])).get(checked.claims.unitId);
  if (current !== checked.claims.generation) throw REVOKED;
  return checked.claims;
}
