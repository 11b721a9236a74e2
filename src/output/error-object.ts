/**
 * The error a script reads: one JSON object on stderr, printed instead of the prose when the
 * output is JSON (`-o json`, `-o ndjson`, `--json`) or `--error-format json` asks for it.
 * Where the API answered, its own values are used (message, i18nKey, requestId, errors[]), so a
 * script sees what Tango said, not our rewording of it.
 */
import { ApiError, CliError, ExitCode, type ExitCodeValue, type FieldError } from '../errors.js';

export interface ErrorObject {
  error: {
    exitCode: number;
    kind: ErrorKind;
    message: string;
    hint: string | null;
    httpStatus: number | null;
    i18nKey: string | null;
    requestId: string | null;
    fieldErrors: FieldError[];
    /** The lines a person sees under the message (rows of an import, both values of a conflict). */
    details: string[];
  };
}

export type ErrorKind =
  | 'error'
  | 'usage'
  | 'not_found'
  | 'auth'
  | 'conflict'
  | 'unavailable'
  | 'network'
  | 'differences'
  | 'interrupted'
  | 'terminated';

/** The `kind` of each exit code: a name a script can switch on without a table of numbers. */
export const ERROR_KINDS: Record<Exclude<ExitCodeValue, 0>, ErrorKind> = {
  [ExitCode.error]: 'error',
  [ExitCode.usage]: 'usage',
  [ExitCode.notFound]: 'not_found',
  [ExitCode.auth]: 'auth',
  [ExitCode.conflict]: 'conflict',
  [ExitCode.unavailable]: 'unavailable',
  [ExitCode.network]: 'network',
  [ExitCode.differences]: 'differences',
  [ExitCode.interrupted]: 'interrupted',
  [ExitCode.terminated]: 'terminated',
};

export function errorObject(error: unknown, hint?: string): ErrorObject {
  const exitCode: ExitCodeValue = error instanceof CliError ? error.exitCode : ExitCode.error;
  const api = apiErrorIn(error);
  const body = api?.body;
  const ownMessage = error instanceof Error ? error.message : String(error);
  return {
    error: {
      exitCode,
      kind: exitCode === ExitCode.ok ? 'error' : ERROR_KINDS[exitCode],
      message: body?.message?.trim() || ownMessage,
      hint: (hint ?? (error instanceof CliError ? error.hint : undefined)) || null,
      httpStatus: api?.status ?? null,
      i18nKey: api?.i18nKey ?? null,
      requestId: (error instanceof CliError ? error.requestId : undefined) ?? api?.requestId ?? null,
      fieldErrors: api?.fieldErrors ?? [],
      details: error instanceof CliError ? error.details : [],
    },
  };
}

/** The server's answer behind an error, if there was one: the error itself or its cause (a wrapped 404). */
function apiErrorIn(error: unknown): ApiError | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof ApiError) return e;
  }
  return undefined;
}

/**
 * Whether errors are printed as JSON, read from the command line as typed (before or without a
 * successful parse: a usage error must be JSON too) and the environment. The last of -o/--output/--json wins.
 */
export function wantsJsonErrors(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  let output = env.TANGO_OUTPUT;
  let errorFormat: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--json') output = 'json';
    else if (arg === '-o' || arg === '--output') output = argv[++i];
    else if (arg.startsWith('--output=')) output = arg.slice('--output='.length);
    else if (/^-o[^-]/.test(arg)) output = arg.slice(2);
    else if (arg === '--error-format') errorFormat = argv[++i];
    else if (arg.startsWith('--error-format=')) errorFormat = arg.slice('--error-format='.length);
  }
  return jsonErrorsChosen(output, errorFormat);
}

/** --error-format when given, else JSON errors beside JSON output; also how the Logger picks JSON lines. */
export function jsonErrorsChosen(output: string | undefined, errorFormat: string | undefined): boolean {
  if (errorFormat !== undefined) return errorFormat === 'json';
  return output === 'json' || output === 'ndjson';
}
