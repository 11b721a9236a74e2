/**
 * Errors are values thrown upward. Each carries the exit code the entry point will use,
 * a one-line message and an optional hint; only src/cli.ts prints them.
 */
export const ExitCode = {
  ok: 0,
  error: 1,
  usage: 2,
  notFound: 3,
  auth: 4,
  conflict: 5,
  unavailable: 6,
  network: 7,
  interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export const exitCodeTable: ReadonlyArray<[ExitCodeValue, string]> = [
  [ExitCode.ok, 'success (an empty list too)'],
  [ExitCode.error, 'unexpected or server error'],
  [ExitCode.usage, 'usage or validation error (caught before any request, or a 400 from the server)'],
  [ExitCode.notFound, 'not found'],
  [ExitCode.auth, 'authentication or permission (no credentials, 401, 403)'],
  [ExitCode.conflict, 'conflict: the identifier already exists'],
  [ExitCode.unavailable, 'rate-limited or unavailable after retries (429, 502, 503, 504)'],
  [ExitCode.network, 'network error or timeout'],
  [ExitCode.interrupted, 'interrupted (Ctrl-C)'],
];

export interface ErrorDetails {
  hint?: string;
  /** Extra lines shown under the message (field errors, both names of a conflict, ...). */
  details?: string[];
  requestId?: string;
  cause?: unknown;
}

export class CliError extends Error {
  readonly exitCode: ExitCodeValue;
  readonly hint?: string;
  readonly details: string[];
  readonly requestId?: string;

  constructor(exitCode: ExitCodeValue, message: string, extra: ErrorDetails = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'CliError';
    this.exitCode = exitCode;
    this.hint = extra.hint;
    this.details = extra.details ?? [];
    this.requestId = extra.requestId;
  }
}

/** A flag, argument or input value that is wrong or missing; nothing was sent. */
export class UsageError extends CliError {
  constructor(message: string, extra: ErrorDetails = {}) {
    super(ExitCode.usage, message, extra);
    this.name = 'UsageError';
  }
}

export class InterruptedError extends CliError {
  constructor(message = 'Interrupted.', extra: ErrorDetails = {}) {
    super(ExitCode.interrupted, message, extra);
    this.name = 'InterruptedError';
  }
}

export class NetworkError extends CliError {
  constructor(message: string, extra: ErrorDetails = {}) {
    super(ExitCode.network, message, extra);
    this.name = 'NetworkError';
  }
}

/** Nothing to authenticate with: no stored profile credentials and no TANGO_* variables. */
export function noCredentials(profile: string): CliError {
  return new CliError(ExitCode.auth, `No credentials for profile "${profile}".`, {
    details: [
      'Store them:        tango auth login' + (profile === 'default' ? '' : ` --profile ${profile}`),
      'Or, for scripts:   TANGO_PLATFORM_NAME and TANGO_PLATFORM_KEY (or TANGO_CLIENT_ID and TANGO_CLIENT_SECRET)',
      'Or try it locally: tango --env local customers list',
    ],
  });
}

/** One entry of a Tango error body's `errors[]`. */
export interface FieldError {
  path?: string;
  i18nKey?: string;
  message?: string;
  invalidValue?: unknown;
  constraint?: string;
}

/** The Tango error body, in either of its two documented shapes. */
export interface TangoErrorBody {
  timestamp?: string;
  requestId?: string;
  path?: string;
  httpCode?: number;
  httpPhrase?: string;
  i18nKey?: string;
  message?: string;
  errors?: FieldError[];
}

export function exitCodeForStatus(status: number): ExitCodeValue {
  if (status === 400 || status === 422) return ExitCode.usage;
  if (status === 401 || status === 403) return ExitCode.auth;
  if (status === 404) return ExitCode.notFound;
  if (status === 409) return ExitCode.conflict;
  if (status === 429 || status === 502 || status === 503 || status === 504) return ExitCode.unavailable;
  return ExitCode.error;
}

/** An HTTP answer from the server that was not a success. */
export class ApiError extends CliError {
  readonly status: number;
  readonly method: string;
  readonly url: string;
  readonly i18nKey?: string;
  readonly fieldErrors: FieldError[];
  readonly body: TangoErrorBody | undefined;
  /** True when an earlier attempt of this request may have reached the server (lost response). */
  readonly earlierAttemptMayHaveLanded: boolean;

  constructor(init: {
    status: number;
    method: string;
    url: string;
    body: TangoErrorBody | undefined;
    requestId?: string;
    earlierAttemptMayHaveLanded?: boolean;
  }) {
    const body = init.body;
    const fieldErrors = Array.isArray(body?.errors) ? body.errors.filter(isObject) : [];
    const message = body?.message?.trim() || `${init.method} ${init.url} failed with HTTP ${init.status}`;
    super(exitCodeForStatus(init.status), message, {
      requestId: init.requestId ?? body?.requestId,
      details: fieldErrors.map(describeFieldError),
      hint: hintForStatus(init.status),
    });
    this.name = 'ApiError';
    this.status = init.status;
    this.method = init.method;
    this.url = init.url;
    this.i18nKey = body?.i18nKey;
    this.fieldErrors = fieldErrors;
    this.body = body;
    this.earlierAttemptMayHaveLanded = init.earlierAttemptMayHaveLanded ?? false;
  }
}

function hintForStatus(status: number): string | undefined {
  if (status === 401) return 'see which credentials were used and where they came from: tango auth status';
  if (status === 403)
    return 'these credentials are valid but not allowed to do this; check the platform and environment';
  return undefined;
}

function isObject(value: unknown): value is FieldError {
  return typeof value === 'object' && value !== null;
}

export function describeFieldError(error: FieldError): string {
  const where = error.path ? `${error.path}: ` : '';
  const what = error.message ?? error.i18nKey ?? 'invalid';
  const value = error.invalidValue === undefined ? '' : ` (got ${JSON.stringify(error.invalidValue)})`;
  return `${where}${what}${value}`;
}
