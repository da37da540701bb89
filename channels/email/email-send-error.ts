import type { ErrorCode } from '../../domain/errors';

/**
 * Codes of the error catalog (domain/errors.ts). The activity edge turns a non-retryable one into
 * `ApplicationFailure.nonRetryable(message, code)` and rethrows a retryable one as is.
 */
export type EmailSendErrorCode = Extract<
  ErrorCode,
  | 'EMAIL_SMTP_UNAVAILABLE'
  | 'EMAIL_SMTP_DEFERRED'
  | 'EMAIL_RECIPIENT_REJECTED'
  | 'EMAIL_MESSAGE_REJECTED'
  | 'EMAIL_AUTH_FAILED'
  | 'EMAIL_INVALID'
>;

/** Thrown when the SMTP server does not accept an email; `retryable` says whether sending it again can help. */
export class EmailSendError extends Error {
  readonly code: EmailSendErrorCode;
  readonly retryable: boolean;
  readonly responseCode?: number;
  /** The recipient addresses the server refused (5xx at RCPT TO). */
  readonly rejected?: string[];

  constructor(
    code: EmailSendErrorCode,
    message: string,
    details: { retryable: boolean; responseCode?: number; rejected?: string[]; cause?: unknown },
  ) {
    super(message, { cause: details.cause });
    this.name = 'EmailSendError';
    this.code = code;
    this.retryable = details.retryable;
    if (details.responseCode !== undefined) this.responseCode = details.responseCode;
    if (details.rejected) this.rejected = details.rejected;
  }
}

const AUTH_RESPONSE_CODES = new Set([530, 534, 535, 538]);

interface SmtpErrorShape {
  message?: unknown;
  code?: unknown;
  responseCode?: unknown;
  command?: unknown;
  rejected?: unknown;
}

function rejectedOf(err: SmtpErrorShape): string[] | undefined {
  if (!Array.isArray(err.rejected)) return undefined;
  const addresses = err.rejected.map((r: unknown) =>
    typeof r === 'string' ? r : String((r as { address?: unknown }).address ?? r),
  );
  return addresses.length > 0 ? addresses : undefined;
}

/**
 * Sorts a nodemailer failure into transient (4xx replies, network trouble: retry with backoff) and permanent
 * (5xx replies, bad credentials, a malformed message: retrying sends the same refusal again).
 */
export function classifySmtpError(err: unknown): EmailSendError {
  if (err instanceof EmailSendError) return err;
  const shape: SmtpErrorShape = typeof err === 'object' && err !== null ? err : {};
  const message = typeof shape.message === 'string' ? shape.message : String(err);
  const code = typeof shape.code === 'string' ? shape.code : undefined;
  const responseCode = typeof shape.responseCode === 'number' ? shape.responseCode : undefined;
  const command = typeof shape.command === 'string' ? shape.command.toUpperCase() : '';
  const rejected = rejectedOf(shape);
  const base = { cause: err, responseCode };

  if (responseCode !== undefined && responseCode >= 400 && responseCode < 500) {
    return new EmailSendError('EMAIL_SMTP_DEFERRED', message, { ...base, retryable: true, rejected });
  }
  if (code === 'EAUTH' || (responseCode !== undefined && AUTH_RESPONSE_CODES.has(responseCode))) {
    return new EmailSendError('EMAIL_AUTH_FAILED', message, { ...base, retryable: false });
  }
  if (responseCode !== undefined && responseCode >= 500) {
    const atRecipient = command.startsWith('RCPT') || rejected !== undefined;
    const errorCode = atRecipient ? 'EMAIL_RECIPIENT_REJECTED' : 'EMAIL_MESSAGE_REJECTED';
    return new EmailSendError(errorCode, message, { ...base, retryable: false, rejected });
  }
  if (code === 'EENVELOPE' || code === 'EMESSAGE') {
    return new EmailSendError('EMAIL_INVALID', message, { ...base, retryable: false });
  }
  // ECONNECTION, ETIMEDOUT, ESOCKET, EDNS, ETLS… and anything unrecognised: the server may answer later, and the
  // activity's retry policy bounds the attempts.
  return new EmailSendError('EMAIL_SMTP_UNAVAILABLE', message, { ...base, retryable: true });
}
