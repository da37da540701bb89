import type { ErrorCode } from '../../domain/errors';

/** Codes of the error catalog (domain/errors.ts); both are programming or deployment faults, never worth a retry. */
export type EmailRenderErrorCode = Extract<ErrorCode, 'EMAIL_TEMPLATE_MISSING' | 'EMAIL_RENDER_FAILED'>;

/** Thrown when a notification cannot be rendered: a template file is missing, or a date in it is malformed. */
export class EmailRenderError extends Error {
  readonly code: EmailRenderErrorCode;
  readonly retryable = false;

  constructor(code: EmailRenderErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EmailRenderError';
    this.code = code;
  }
}
