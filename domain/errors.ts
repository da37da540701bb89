/**
 * The one error catalog. Every failure that reaches a user carries a stable `code`; the CLI maps
 * `exitCode` to the process exit status (2 = bad input, 1 = runtime failure) and the web answers `httpStatus`.
 * `docs/ARCHITECTURE.md` documents every code (a test keeps the two in sync).
 */
export const ERROR_CODES = {
  CONFIG_INVALID: { exitCode: 1, httpStatus: 500, summary: 'An environment variable has an invalid value.' },
  USAGE: { exitCode: 2, httpStatus: 400, summary: 'Unknown command, unknown flag or a missing argument.' },
  FILE_NOT_FOUND: {
    exitCode: 2,
    httpStatus: 400,
    summary: 'A file named on the command line does not exist or cannot be read.',
  },
  PLAN_INVALID: { exitCode: 2, httpStatus: 422, summary: 'The plan file does not satisfy the plan schema.' },
  CALENDAR_DATA_INVALID: {
    exitCode: 2,
    httpStatus: 500,
    summary: 'An announced holiday schedule under config/calendars/ is malformed.',
  },
  EMAIL_SMTP_UNAVAILABLE: {
    exitCode: 1,
    httpStatus: 502,
    summary: 'The SMTP server cannot be reached (network, timeout); retried.',
  },
  EMAIL_SMTP_DEFERRED: { exitCode: 1, httpStatus: 502, summary: 'The SMTP server answered 4xx (try later); retried.' },
  EMAIL_RECIPIENT_REJECTED: {
    exitCode: 1,
    httpStatus: 502,
    summary: 'The SMTP server refused a recipient (5xx): a contact problem.',
  },
  EMAIL_MESSAGE_REJECTED: {
    exitCode: 1,
    httpStatus: 502,
    summary: 'The SMTP server refused the message itself (5xx).',
  },
  EMAIL_AUTH_FAILED: { exitCode: 1, httpStatus: 502, summary: 'The SMTP server refused the credentials in SMTP_URL.' },
  EMAIL_INVALID: {
    exitCode: 1,
    httpStatus: 500,
    summary: 'The email could not be composed (no valid recipient, bad address).',
  },
  EMAIL_TEMPLATE_MISSING: {
    exitCode: 1,
    httpStatus: 500,
    summary: 'An email template file is missing from channels/email/templates/.',
  },
  EMAIL_RENDER_FAILED: {
    exitCode: 1,
    httpStatus: 500,
    summary: 'A notification could not be rendered (bad date, missing level).',
  },
  ZALO_NOT_CONFIGURED: {
    exitCode: 1,
    httpStatus: 500,
    summary: 'A Zalo send was asked for, but Zalo is not configured.',
  },
  ZALO_TOKEN: {
    exitCode: 1,
    httpStatus: 502,
    summary: 'Zalo refused the access or refresh token even after a refresh.',
  },
  ZALO_RECIPIENT: {
    exitCode: 1,
    httpStatus: 502,
    summary: 'Zalo cannot reach the person (no account, blocked, invalid phone).',
  },
  ZALO_CONFIG: { exitCode: 1, httpStatus: 502, summary: 'The Zalo app, OA or template is misconfigured.' },
  ZALO_QUOTA: { exitCode: 1, httpStatus: 502, summary: 'The OA is out of ZNS quota or balance.' },
  ZALO_TRANSIENT: {
    exitCode: 1,
    httpStatus: 502,
    summary: 'Zalo is unavailable for now (5xx, timeout, rate limit); retried.',
  },
  SEND_IN_PROGRESS: {
    exitCode: 1,
    httpStatus: 409,
    summary: 'Another worker claimed this send moments ago and may still be sending it; retried.',
  },
  CYCLE_EXISTS: { exitCode: 2, httpStatus: 409, summary: 'A cycle of this plan and year has already been started.' },
  CYCLE_NOT_FOUND: { exitCode: 2, httpStatus: 404, summary: 'No cycle, unit or obligation has this id.' },
  SCHEDULE_EXISTS: { exitCode: 2, httpStatus: 409, summary: 'The plan already has a yearly schedule.' },
  SCHEDULE_NOT_FOUND: { exitCode: 2, httpStatus: 404, summary: 'No yearly schedule has this id or plan id.' },
  ACCOUNT_NOT_FOUND: {
    exitCode: 2,
    httpStatus: 404,
    summary: 'No dashboard user or live API token has this name or id.',
  },
  CYCLE_CLOSED: {
    exitCode: 2,
    httpStatus: 410,
    summary: 'The cycle or the unit has been closed: it accepts no more changes.',
  },
  UPDATE_REJECTED: {
    exitCode: 2,
    httpStatus: 422,
    summary: 'A submission, extension, waiver or amendment was refused by its validator.',
  },
  TEMPORAL_BINARY_MISSING: {
    exitCode: 1,
    httpStatus: 500,
    summary: 'The Temporal CLI or test server is not installed (run `npm run setup`).',
  },
  PORT_IN_USE: { exitCode: 1, httpStatus: 500, summary: 'A port dondoc must listen on is taken by another process.' },
  TEMPORAL_DEV_SERVER_FAILED: {
    exitCode: 1,
    httpStatus: 500,
    summary: 'The embedded Temporal dev server exited or never answered.',
  },
  TEMPORAL_UNREACHABLE: {
    exitCode: 1,
    httpStatus: 503,
    summary: 'The Temporal server at TEMPORAL_ADDRESS does not answer.',
  },
  DATABASE_UNAVAILABLE: {
    exitCode: 1,
    httpStatus: 503,
    summary: "dondoc's database (DATABASE_URL, or the embedded one under data/db) cannot be opened or reached.",
  },
  DATABASE_MIGRATION_FAILED: {
    exitCode: 1,
    httpStatus: 500,
    summary: "A migration of dondoc's database failed; nothing after it ran.",
  },
  BLOB_STORE_UNAVAILABLE: {
    exitCode: 1,
    httpStatus: 503,
    summary: 'The blob store (BLOB_STORE) cannot be reached or refused the request.',
  },
  FILE_TOO_LARGE: {
    exitCode: 2,
    httpStatus: 413,
    summary: 'A file is larger than the blob store keeps (20 MB with BLOB_STORE=database).',
  },
} as const satisfies Record<string, { exitCode: 1 | 2; httpStatus: number; summary: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Thrown when dondoc fails in a way it can explain to its user without a stack trace. */
export class AppError extends Error {
  readonly code: ErrorCode;
  /**
   * The sentence for people who are not operators (unit officers, Phòng Nội vụ on the web), in Vietnamese; the
   * message itself is for the operator's terminal and log.
   */
  readonly userMessage: string | undefined;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; userMessage?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = options?.userMessage;
  }

  get exitCode(): 1 | 2 {
    return ERROR_CODES[this.code].exitCode;
  }

  get httpStatus(): number {
    return ERROR_CODES[this.code].httpStatus;
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
