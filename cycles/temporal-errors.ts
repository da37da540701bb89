import {
  ActivityFailure,
  isGrpcDeadlineError,
  isGrpcServiceError,
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { AppError, isAppError } from '../domain/errors';

/** gRPC status UNAVAILABLE (`@grpc/grpc-js` is not a direct dependency). */
const GRPC_UNAVAILABLE = 14;

/** What was asked, named for the operator (English) and for the people on the web (Vietnamese). */
export interface Subject {
  /** e.g. "cycle dvcq-ia-pa/2031, unit xa-ia-tul" */
  label: string;
  /** e.g. "đơn vị xa-ia-tul trong chu kỳ dvcq-ia-pa/2031" */
  vi: string;
}

const UNAVAILABLE_VI =
  'Hệ thống đôn đốc tạm thời không phản hồi. Vui lòng thử lại sau ít phút; nếu đã bấm Nộp, hãy tải lại trang để ' +
  'kiểm tra trước khi nộp lại.';

/**
 * Turns what a Temporal call threw into an AppError: a missing workflow is an unknown id, a refused Update is bad
 * input carrying the workflow's own (Vietnamese) sentence, silence is "is the worker running?". Anything else is
 * returned as it is (an unexpected failure, for the log).
 */
export function temporalToAppError(err: unknown, subject: Subject): unknown {
  if (isAppError(err)) return err;
  if (err instanceof WorkflowNotFoundError) {
    return new AppError('CYCLE_NOT_FOUND', `${subject.label}: not found (no such workflow ${err.workflowId})`, {
      cause: err,
      userMessage: `Không tìm thấy ${subject.vi}.`,
    });
  }
  if (err instanceof WorkflowUpdateFailedError) {
    const sentence = rejectionMessage(err);
    return new AppError('UPDATE_REJECTED', `${subject.label}: rejected: ${sentence}`, {
      cause: err,
      userMessage: sentence,
    });
  }
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isGrpcDeadlineError(err)) {
    const maybeApplied =
      err instanceof WorkflowUpdateRPCTimeoutOrCancelledError
        ? ' The change may still be applied: check with `dondoc cycle status`.'
        : '';
    return new AppError(
      'TEMPORAL_UNREACHABLE',
      `${subject.label}: no worker answered in time (is \`dondoc start\` running on this task queue?).${maybeApplied}`,
      { cause: err, userMessage: UNAVAILABLE_VI },
    );
  }
  if (err instanceof ServiceError) {
    const detail = isGrpcServiceError(err.cause) ? `: ${err.cause.details}` : '';
    const reason = isUnavailable(err) ? 'Temporal is unavailable' : err.message;
    return new AppError('TEMPORAL_UNREACHABLE', `${subject.label}: ${reason}${detail}`, {
      cause: err,
      userMessage: UNAVAILABLE_VI,
    });
  }
  return err;
}

/** Whether the workflow surely did not take the request (files stored for it may then be removed). */
export function surelyNotApplied(err: unknown): boolean {
  const cause = isAppError(err) ? err.cause : err;
  return cause instanceof WorkflowUpdateFailedError || cause instanceof WorkflowNotFoundError;
}

/**
 * The workflow's sentence: the Update failure's cause is the ApplicationFailure its validator or handler threw;
 * when an activity of the handler failed, the activity's own failure says why.
 */
function rejectionMessage(err: WorkflowUpdateFailedError): string {
  let cause = err.cause;
  while (cause instanceof ActivityFailure && cause.cause) cause = cause.cause;
  return cause?.message || err.message;
}

function isUnavailable(err: ServiceError): boolean {
  return isGrpcServiceError(err.cause) && Number(err.cause.code) === GRPC_UNAVAILABLE;
}
