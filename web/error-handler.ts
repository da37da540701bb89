import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from '../domain/errors';
import { HttpError } from './http-error';

const TITLES: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Cần đăng nhập',
  403: 'Không được phép',
  404: 'Không tìm thấy',
  410: 'Đã hết hạn',
  413: 'Tệp quá lớn',
  415: 'Loại tệp không được chấp nhận',
  422: 'Chưa nộp được',
  429: 'Thử quá nhiều lần',
  503: 'Hệ thống tạm thời không phản hồi',
};

/** Titles that say more than the status does. */
const CODE_TITLES: Partial<Record<ErrorCode, string>> = {
  CYCLE_CLOSED: 'Chu kỳ đã kết thúc',
};

const MESSAGES: Record<number, string> = {
  413: 'Tệp hoặc yêu cầu vượt quá dung lượng cho phép.',
  429: 'Bạn đã thử quá nhiều lần. Vui lòng đợi một phút rồi thử lại.',
};

const wantsJson = (request: FastifyRequest): boolean =>
  request.url.startsWith('/api/') || request.url.startsWith('/healthz');

/**
 * The one error handler: 4xx say what was wrong (in Vietnamese on pages), 5xx say only that something failed —
 * the details go to the log, never to the browser.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((thrown: FastifyError | HttpError | AppError, request: FastifyRequest, reply: FastifyReply) => {
    // The core's errors carry their HTTP status (the catalog) and a sentence for people, when there is one for them.
    const error =
      thrown instanceof AppError
        ? new HttpError(thrown.httpStatus, thrown.userMessage ?? thrown.message, {
            cause: thrown,
            ...(CODE_TITLES[thrown.code] && { title: CODE_TITLES[thrown.code] }),
          })
        : thrown;
    const statusCode = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    const known = error instanceof HttpError && (!(thrown instanceof AppError) || thrown.userMessage !== undefined);
    let message: string;
    if (statusCode >= 500 && !(known && statusCode === 503)) {
      request.log.error({ err: error }, 'request failed');
      message = 'Đã có lỗi ngoài ý muốn. Vui lòng thử lại sau; nếu vẫn lỗi, xin báo Phòng Nội vụ.';
    } else {
      if (statusCode >= 500) request.log.warn({ err: error }, 'temporal unavailable');
      message = known ? error.message : (MESSAGES[statusCode] ?? error.message);
    }
    const title = (known && error.title) || TITLES[statusCode] || 'Lỗi';
    if (wantsJson(request)) return reply.code(statusCode).send({ error: message, statusCode });
    return reply.page('error', { title, message }, statusCode);
  });

  app.setNotFoundHandler((request, reply) => {
    const message = 'Trang này không tồn tại.';
    if (wantsJson(request)) return reply.code(404).send({ error: message, statusCode: 404 });
    return reply.page('error', { title: TITLES[404], message }, 404);
  });
}
