/** Thrown when a request must end with a status and a message its user may read (Vietnamese for pages). */
export class HttpError extends Error {
  readonly statusCode: number;
  /** A title for the error page, e.g. "Liên kết đã hết hạn". */
  readonly title: string | undefined;

  constructor(statusCode: number, message: string, options?: { title?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HttpError';
    this.statusCode = statusCode;
    this.title = options?.title;
  }
}
