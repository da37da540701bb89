import {
  isGrpcDeadlineError,
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { rejectionMessage } from '../../cli/temporal-errors';
import { HttpError } from '../http-error';

/**
 * What a Temporal call threw, as the web answers it: an unknown workflow is 404, a refused Update 422 with the
 * workflow's own Vietnamese sentence, silence or an unreachable server 503. `what` names the thing in Vietnamese.
 */
export function webTemporalError(err: unknown, what: string): unknown {
  if (err instanceof HttpError) return err;
  if (err instanceof WorkflowNotFoundError) return new HttpError(404, `Không tìm thấy ${what}.`, { cause: err });
  if (err instanceof WorkflowUpdateFailedError) return new HttpError(422, rejectionMessage(err), { cause: err });
  if (
    err instanceof WorkflowUpdateRPCTimeoutOrCancelledError ||
    isGrpcDeadlineError(err) ||
    err instanceof ServiceError
  ) {
    return new HttpError(
      503,
      'Hệ thống đôn đốc tạm thời không phản hồi. Vui lòng thử lại sau ít phút; nếu đã bấm Nộp, hãy tải lại trang để kiểm tra trước khi nộp lại.',
      { cause: err },
    );
  }
  return err;
}
