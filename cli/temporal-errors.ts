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

/**
 * Turns what a Temporal call threw into the error the user sees: a missing workflow is an unknown id, a refused
 * Update is bad input carrying the workflow's own (Vietnamese) message, silence is "is the worker running?".
 * `subject` names what was asked, e.g. "cycle dvcq-ia-pa/2031, unit xa-ia-tul".
 */
export function temporalToAppError(err: unknown, subject: string): unknown {
  if (isAppError(err)) return err;
  if (err instanceof WorkflowNotFoundError) {
    return new AppError('CYCLE_NOT_FOUND', `${subject}: not found (no such workflow ${err.workflowId})`, {
      cause: err,
    });
  }
  if (err instanceof WorkflowUpdateFailedError) {
    return new AppError('UPDATE_REJECTED', `${subject}: rejected: ${rejectionMessage(err)}`, { cause: err });
  }
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isGrpcDeadlineError(err)) {
    const maybeApplied =
      err instanceof WorkflowUpdateRPCTimeoutOrCancelledError
        ? ' The change may still be applied: check with `dondoc cycle status`.'
        : '';
    return new AppError(
      'TEMPORAL_UNREACHABLE',
      `${subject}: no worker answered in time (is \`dondoc start\` running on this task queue?).${maybeApplied}`,
      { cause: err },
    );
  }
  if (err instanceof ServiceError) {
    const detail = isGrpcServiceError(err.cause) ? `: ${err.cause.details}` : '';
    const reason = isUnavailable(err) ? 'Temporal is unavailable' : err.message;
    return new AppError('TEMPORAL_UNREACHABLE', `${subject}: ${reason}${detail}`, { cause: err });
  }
  return err;
}

/**
 * The workflow's sentence: the Update failure's cause is the ApplicationFailure its validator or handler threw;
 * when an activity of the handler failed, the activity's own failure says why.
 */
export function rejectionMessage(err: WorkflowUpdateFailedError): string {
  let cause = err.cause;
  while (cause instanceof ActivityFailure && cause.cause) cause = cause.cause;
  return cause?.message || err.message;
}

function isUnavailable(err: ServiceError): boolean {
  return isGrpcServiceError(err.cause) && Number(err.cause.code) === GRPC_UNAVAILABLE;
}
