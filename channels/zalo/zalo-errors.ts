/** How a failed Zalo call should be handled; the activity edge turns this into a Temporal retry decision. */
export type ZaloErrorKind = 'token' | 'recipient' | 'config' | 'quota' | 'transient';

/** Codes for failures that carry no Zalo `error` number. */
export type ZaloLocalCode =
  'HTTP_ERROR' | 'TIMEOUT' | 'NETWORK' | 'BAD_RESPONSE' | 'NO_REFRESH_TOKEN' | 'TEMPLATE_NOT_CONFIGURED';

/** A Zalo `error` number (always negative) or one of our local codes. */
export type ZaloErrorCode = number | ZaloLocalCode;

/** Thrown when a Zalo call fails for good or for now; `retryable` says whether trying again later can help. */
export class ZaloApiError extends Error {
  readonly code: ZaloErrorCode;
  readonly kind: ZaloErrorKind;
  readonly retryable: boolean;
  readonly httpStatus?: number;

  constructor(
    fields: { code: ZaloErrorCode; message: string; kind: ZaloErrorKind; retryable: boolean; httpStatus?: number },
    options?: { cause?: unknown },
  ) {
    super(fields.message, options);
    this.name = 'ZaloApiError';
    this.code = fields.code;
    this.kind = fields.kind;
    this.retryable = fields.retryable;
    if (fields.httpStatus !== undefined) this.httpStatus = fields.httpStatus;
  }
}

/** Thrown when a ZNS send must wait (night rule, daily limits): try again at `notBefore`, never drop it. */
export class ZaloDeferredError extends Error {
  readonly code: number;
  /** ISO 8601 instant in Vietnam time, e.g. `2022-10-18T06:00:00+07:00`. */
  readonly notBefore: string;

  constructor(code: number, notBefore: string, message: string) {
    super(`${message} (deferred until ${notBefore})`);
    this.name = 'ZaloDeferredError';
    this.code = code;
    this.notBefore = notBefore;
  }
}

export function isZaloApiError(err: unknown): err is ZaloApiError {
  return err instanceof ZaloApiError;
}

export function isZaloDeferredError(err: unknown): err is ZaloDeferredError {
  return err instanceof ZaloDeferredError;
}
