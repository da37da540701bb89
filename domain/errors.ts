/**
 * The one error catalog. Every failure that reaches a user carries a stable `code`; the CLI maps
 * `exitCode` to the process exit status (2 = bad input, 1 = runtime failure).
 * `docs/ARCHITECTURE.md` documents every code (a test keeps the two in sync).
 */
export const ERROR_CODES = {
  CONFIG_INVALID: { exitCode: 2, summary: 'An environment variable has an invalid value.' },
  USAGE: { exitCode: 2, summary: 'Unknown command, unknown flag or a missing argument.' },
  FILE_NOT_FOUND: { exitCode: 2, summary: 'A file named on the command line does not exist or cannot be read.' },
  PLAN_INVALID: { exitCode: 2, summary: 'The plan file does not satisfy the plan schema.' },
  CALENDAR_DATA_INVALID: {
    exitCode: 2,
    summary: 'An announced holiday schedule under config/calendars/ is malformed.',
  },
  TEMPORAL_BINARY_MISSING: {
    exitCode: 1,
    summary: 'The Temporal CLI or test server is not installed (run `npm run setup`).',
  },
  PORT_IN_USE: { exitCode: 1, summary: 'A port dondoc must listen on is taken by another process.' },
  TEMPORAL_DEV_SERVER_FAILED: { exitCode: 1, summary: 'The embedded Temporal dev server exited or never answered.' },
  TEMPORAL_UNREACHABLE: { exitCode: 1, summary: 'The Temporal server at TEMPORAL_ADDRESS does not answer.' },
} as const satisfies Record<string, { exitCode: 1 | 2; summary: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Thrown when dondoc fails in a way it can explain to its user without a stack trace. */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }

  get exitCode(): 1 | 2 {
    return ERROR_CODES[this.code].exitCode;
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
