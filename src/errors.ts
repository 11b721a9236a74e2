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
  differences: 8,
  interrupted: 130,
  terminated: 143,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export const exitCodeTable: ReadonlyArray<[ExitCodeValue, string]> = [
  [ExitCode.ok, 'success (an empty list too)'],
  [ExitCode.error, 'unexpected or server error'],
  [ExitCode.usage, 'usage or validation error (caught before any request, or a 400 from the server)'],
  [ExitCode.notFound, 'not found'],
  [ExitCode.auth, 'authentication or permission (no credentials, 401, 403)'],
  [
    ExitCode.conflict,
    'conflict: the identifier already exists, or a change the API cannot make (`tango diff`, `apply`)',
  ],
  [ExitCode.unavailable, 'rate-limited or unavailable after retries (429, 502, 503, 504)'],
  [ExitCode.network, 'network error or timeout'],
  [ExitCode.differences, 'differences found (`tango diff`: the live state differs from the file)'],
  [ExitCode.interrupted, 'interrupted (Ctrl-C), or "no" at a confirmation: nothing more was done'],
  [ExitCode.terminated, 'terminated (SIGTERM): stopped as a first Ctrl-C stops, letting writes in flight finish'],
];

/** The most of a bad value any error message echoes: a 10,000-character argument is not repeated back whole. */
export const ECHO_LIMIT = 200;

/**
 * A value as an error message shows it: at most ECHO_LIMIT characters, then "…"; `json` shows a string
 * quoted, as JSON. Every message that
 * repeats what the user gave (or a file held) goes through here; cli.ts applies the same limit to
 * commander's own messages.
 */
export function echo(value: unknown, form: 'text' | 'json' = 'text'): string {
  const text = typeof value === 'string' && form === 'text' ? value : jsonOrString(value);
  return text.length <= ECHO_LIMIT ? text : `${text.slice(0, ECHO_LIMIT)}…`;
}

/** JSON for a structured value; a value too deep for JSON.stringify is described instead of throwing. */
function jsonOrString(value: unknown): string {
  // JSON has no NaN or Infinity (it writes null), but a YAML file can say .nan or 1e400.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Array.isArray(value) ? '[…]' : String(value);
  }
}

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

/** A --query expression that cannot be parsed (`position` is set) or does not fit the data (it is not). */
export class QueryError extends UsageError {
  readonly expression: string;
  /** 0-based offset where the expression stops being valid. */
  readonly position?: number;

  constructor(message: string, facts: { expression: string; position?: number }) {
    // A caret under a position past the echo limit would point into what the echo cut off.
    const caret =
      facts.position === undefined || facts.expression.length > ECHO_LIMIT
        ? []
        : [facts.expression, `${' '.repeat(facts.position)}^`];
    super(message, { details: caret });
    this.name = 'QueryError';
    this.expression = facts.expression;
    this.position = facts.position;
  }
}

/**
 * Not a failure: the command has printed what it found and its exit code says the rest (`tango
 * diff`: 8 when the live state differs from the file, 5 when a difference cannot be applied).
 * Nothing more is printed for it.
 */
export class FindingExit extends CliError {
  constructor(exitCode: ExitCodeValue, message: string) {
    super(exitCode, message);
    this.name = 'FindingExit';
  }
}

export class InterruptedError extends CliError {
  constructor(message = 'Interrupted.', extra: ErrorDetails = {}) {
    super(ExitCode.interrupted, message, extra);
    this.name = 'InterruptedError';
  }
}

/** The abort reason of the entry point's signal when SIGTERM, not Ctrl-C, stopped the command. */
export const TERMINATED = 'SIGTERM';

/**
 * A command stopped by SIGTERM (a service manager, `timeout`, `kill`): it stopped as a first
 * Ctrl-C stops, and exits 143 (128 + 15), as a process killed by the signal would.
 */
export class TerminatedError extends CliError {
  constructor(interrupted: CliError) {
    super(ExitCode.terminated, interrupted.message.replace(/^Interrupted/, 'Terminated'), {
      hint: interrupted.hint,
      details: interrupted.details,
      requestId: interrupted.requestId,
      cause: interrupted.cause,
    });
    this.name = 'TerminatedError';
  }
}

/**
 * The request settings in force when a request failed (after any profile or flag resolved them),
 * so the words printed at the top can name the one to change.
 */
export interface RequestLimits {
  timeoutMs: number;
  maxRetries: number;
  /** Requests per second; undefined when there was no client-side limit. */
  rate?: number;
}

/** Which server a network failure was about: the API itself, or the OAuth token endpoint. */
export type Endpoint = 'api' | 'token';

export interface NetworkFacts {
  endpoint: Endpoint;
  host: string;
  /** undici's or the system's error code (ECONNREFUSED, UND_ERR_HEADERS_TIMEOUT, ...). */
  code: string;
  timedOut: boolean;
  /** A request that changes something may have been applied before the connection failed. */
  mayHaveLanded: boolean;
  attempts: number;
  limits?: RequestLimits;
}

/** No answer: the connection failed or timed out. */
export class NetworkError extends CliError {
  readonly facts: NetworkFacts;

  constructor(message: string, facts: NetworkFacts, extra: ErrorDetails = {}) {
    super(ExitCode.network, message, extra);
    this.name = 'NetworkError';
    this.facts = facts;
  }
}

/** What was wrong with an answer that came with a success (or redirect) status. */
export type UnexpectedKind =
  | 'not-json'
  | 'wrong-shape'
  | 'too-large'
  | 'redirect'
  | 'repeated-cursor'
  | 'too-many-pages';

export interface UnexpectedFacts {
  kind: UnexpectedKind;
  method: string;
  url: string;
  status?: number;
  /** What the API documents for this call ("a customer", "a list of accounts"). */
  expected?: string;
  /** The body cap in force (too-large), the page bound (too-many-pages). */
  limit?: number;
  location?: string;
}

/** The server answered, but not as the API documents: exit 1, never a JavaScript error or blank rows. */
export class UnexpectedAnswerError extends CliError {
  readonly facts: UnexpectedFacts;

  constructor(facts: UnexpectedFacts, what: string, extra: ErrorDetails = {}) {
    super(ExitCode.error, `Unexpected answer from the server: ${facts.method} ${facts.url} ${what}`, extra);
    this.name = 'UnexpectedAnswerError';
    this.facts = facts;
  }
}

/** What the create commands make. */
export type CreatedResource = 'customer' | 'account' | 'alert';

/** Where an alert lives and its name: an alert has no identifier of its own until it is created. */
export interface AlertPlace {
  customer: string;
  account: string;
  displayName: string;
}

/**
 * A create whose answer was lost, whose retry met 409, and whose confirming read failed too: it
 * may or may not have happened. Never reported as a failure (a rerun would then look like a
 * conflict) nor as a success.
 */
export class OutcomeUnknownError extends CliError {
  readonly resource: CreatedResource;
  readonly identifier: string;
  /** For an alert: where to look for it. */
  readonly alert?: AlertPlace;

  constructor(resource: CreatedResource, identifier: string, cause: CliError, alert?: AlertPlace) {
    super(
      cause.exitCode,
      `${resource} ${identifier} may have been created: its answer was lost, the retry met 409 (it exists), ` +
        `and reading it back failed: ${cause.message}`,
      { requestId: cause.requestId, cause },
    );
    this.name = 'OutcomeUnknownError';
    this.resource = resource;
    this.identifier = identifier;
    this.alert = alert;
  }
}

/** The OAuth token endpoint refused the token request (HTTP 400, 401 or 403; Tango answers text/plain). */
export class TokenRefusedError extends CliError {
  readonly status: number;
  /** What the endpoint said, on one line (its text/plain body). */
  readonly reason: string;
  readonly clientId: string;
  readonly username: string;
  readonly audience: string;
  readonly tokenUrl: string;

  constructor(init: {
    status: number;
    reason: string;
    clientId: string;
    username: string;
    audience: string;
    tokenUrl: string;
  }) {
    const said = init.reason ? `: ${init.reason}` : '';
    super(ExitCode.auth, `The OAuth token endpoint refused the token request (HTTP ${init.status})${said}`, {
      details: [
        `client id:        ${init.clientId}`,
        `service account:  ${init.username}`,
        `audience:         ${init.audience}`,
        `token URL:        ${init.tokenUrl}`,
      ],
    });
    this.name = 'TokenRefusedError';
    this.status = init.status;
    this.reason = init.reason;
    this.clientId = init.clientId;
    this.username = init.username;
    this.audience = init.audience;
    this.tokenUrl = init.tokenUrl;
  }
}

/** OAuth is configured for a --base-url server whose token URL was never given (it is not guessed). */
export class TokenUrlUnknownError extends CliError {
  readonly baseUrl: string;
  constructor(baseUrl: string) {
    super(ExitCode.usage, `No OAuth token URL for ${baseUrl}: it is not guessed for a --base-url server.`);
    this.name = 'TokenUrlUnknownError';
    this.baseUrl = baseUrl;
  }
}

/**
 * Credentials are there but cannot be used: some of the four OAuth variables without the others,
 * or a profile an older tango stored with an OAuth client only (the token endpoint also needs the
 * service account). Nothing was sent.
 */
export class CredentialsUnusableError extends CliError {
  readonly reason: 'partial-oauth-env' | 'old-oauth-profile';
  readonly profile: string;
  readonly clientId?: string;
  constructor(
    reason: CredentialsUnusableError['reason'],
    message: string,
    facts: { profile: string; clientId?: string; details?: string[] },
  ) {
    super(ExitCode.auth, message, { details: facts.details });
    this.name = 'CredentialsUnusableError';
    this.reason = reason;
    this.profile = facts.profile;
    this.clientId = facts.clientId;
  }
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
  /** The answer as received, for `tango api`, which prints it: its headers and body text. */
  readonly response: { headers: Record<string, string | string[] | undefined>; text: string } | undefined;
  /** How many times the request was sent before this answer was final. */
  readonly attempts: number;
  /** How long the server's last Retry-After asked to wait, if it sent one. */
  readonly retryAfterMs?: number;
  readonly limits?: RequestLimits;

  constructor(init: {
    status: number;
    method: string;
    url: string;
    body: TangoErrorBody | undefined;
    requestId?: string;
    earlierAttemptMayHaveLanded?: boolean;
    response?: { headers: Record<string, string | string[] | undefined>; text: string };
    attempts?: number;
    retryAfterMs?: number;
    limits?: RequestLimits;
  }) {
    const body = init.body;
    const fieldErrors = Array.isArray(body?.errors) ? body.errors.filter(isObject) : [];
    const message = body?.message?.trim() || `${init.method} ${init.url} failed with HTTP ${init.status}`;
    super(exitCodeForStatus(init.status), message, {
      requestId: init.requestId ?? body?.requestId,
      details: fieldErrors.map(describeFieldError),
    });
    this.name = 'ApiError';
    this.status = init.status;
    this.method = init.method;
    this.url = init.url;
    this.i18nKey = body?.i18nKey;
    this.fieldErrors = fieldErrors;
    this.body = body;
    this.earlierAttemptMayHaveLanded = init.earlierAttemptMayHaveLanded ?? false;
    this.response = init.response;
    this.attempts = init.attempts ?? 1;
    this.retryAfterMs = init.retryAfterMs;
    this.limits = init.limits;
  }
}

/** A 409 whose existing resource differs from the request (or could not be read): exit 5, with both versions shown. */
export class ConflictError extends CliError {
  readonly differences: Difference[];

  constructor(message: string, differences: Difference[], requestId?: string) {
    super(ExitCode.conflict, message, {
      details: differences.map((d) => `${d.field}: existing ${show(d.existing)}, requested ${show(d.requested)}`),
      requestId,
    });
    this.name = 'ConflictError';
    this.differences = differences;
  }
}

export interface Difference {
  field: string;
  existing: unknown;
  requested: unknown;
}

function show(value: unknown): string {
  return value === undefined ? '(none)' : JSON.stringify(value);
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
