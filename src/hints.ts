/**
 * Words at the top. The layers below throw facts (an HTTP status, the attempts made, the server's
 * Retry-After, which limits were in force); what to do about them names flags and commands, and
 * that is said here, where errors are printed (src/cli.ts, and the reports of import and onboard).
 * A hint a command chose itself, knowing more, wins.
 */
import {
  ApiError,
  CliError,
  ConflictError,
  CredentialsUnusableError,
  ExitCode,
  NetworkError,
  OutcomeUnknownError,
  QueryError,
  TokenRefusedError,
  TokenUrlUnknownError,
  UnexpectedAnswerError,
} from './errors.js';
import { shellQuote } from './output/shell-quote.js';

export function hintFor(error: unknown): string | undefined {
  if (!(error instanceof CliError)) return undefined;
  return bareBaseUrlHint(error) ?? error.hint ?? hintFromFacts(error);
}

/** Where Tango's API lives under its host; a base URL without it answers 404 on every path. */
export const API_PATH = '/raas/v2';

/**
 * A 404 from a base URL given without /raas/v2 (`--base-url https://host`) is about the base URL,
 * not the customer or account asked for: that comes first, before any hint about the thing.
 */
function bareBaseUrlHint(error: CliError): string | undefined {
  const answer = error instanceof ApiError ? error : error.cause;
  if (!(answer instanceof ApiError) || answer.status !== 404) return undefined;
  const url = new URL(answer.url);
  if (url.pathname.includes(`${API_PATH}/`)) return undefined;
  return `the base URL has no ${API_PATH}, the path Tango's API is under: try --base-url ${url.origin}${API_PATH}`;
}

function hintFromFacts(error: CliError): string | undefined {
  if (error instanceof ApiError) return apiHint(error);
  if (error instanceof NetworkError) return networkHint(error);
  if (error instanceof QueryError) {
    return error.position === undefined
      ? 'the expression is valid but does not fit this data; look at the output of -o json first'
      : 'JMESPath syntax: https://jmespath.org/tutorial.html; quote the whole expression for the shell';
  }
  if (error instanceof TokenRefusedError) return tokenRefusedHint(error);
  if (error instanceof TokenUrlUnknownError) {
    return 'give the token URL once: tango auth login ... --auth-url <url>, or tango config set auth-url <url>';
  }
  if (error instanceof CredentialsUnusableError) return unusableHint(error);
  if (error instanceof UnexpectedAnswerError) return unexpectedHint(error);
  if (error instanceof OutcomeUnknownError) {
    const look = outcomeLookup(error);
    return `check whether it exists: ${look}; running the same create again with --if-not-exists is safe`;
  }
  if (error instanceof ConflictError && error.differences.length === 0) {
    return 'choose another identifier, or pass --if-not-exists to accept the existing one';
  }
  return undefined;
}

/** The command that shows whether the create happened, with the real identifiers (shell-quoted, ready to paste). */
function outcomeLookup(error: OutcomeUnknownError): string {
  const { alert } = error;
  if (error.resource === 'customer') return `tango customers get ${shellQuote(error.identifier)}`;
  if (error.resource === 'account') return `tango accounts get ${shellQuote(error.identifier)}`;
  if (!alert) return 'tango alerts list <customer> <account> --display-name <name>';
  const words = [alert.customer, alert.account, '--display-name', alert.displayName].map(shellQuote);
  return `tango alerts list ${words.join(' ')}`;
}

const LOGIN_OAUTH = 'tango auth login --client-id <id> --username <service account> --client-secret-stdin';

/** A 400 is about the request (where it went, what it asked for); a 401 about the secrets. */
function tokenRefusedHint(error: TokenRefusedError): string {
  if (error.status === 400) return 'check the token URL (--auth-url) and the audience (--audience 24h or 5m)';
  return `check the client secret and the service account's password, then the client id and username: ${LOGIN_OAUTH}`;
}

function unusableHint(error: CredentialsUnusableError): string {
  if (error.reason === 'partial-oauth-env') return 'set all four, or none and use a stored profile';
  const profile = error.profile === 'default' ? '' : ` --profile ${error.profile}`;
  return `log in again: tango auth login${profile} --client-id ${error.clientId} --username <service account> --client-secret-stdin`;
}

function apiHint(error: ApiError): string | undefined {
  if (error.status === 401) return 'see which credentials were used and where they came from: tango auth status';
  if (error.status === 403) {
    return 'these credentials are valid but not allowed to do this; check the platform and environment';
  }
  if (error.exitCode !== ExitCode.unavailable) return undefined;
  const waited = error.attempts > 1 ? ` after ${error.attempts} attempts` : '';
  const later = error.retryAfterMs ? `; the server asked to wait ${Math.ceil(error.retryAfterMs / 1000)} s` : '';
  const rate = error.limits?.rate;
  const slower = rate === undefined ? 'or limit the pace with --rate 1' : `or lower --rate (it was ${rate}/s)`;
  return `the server is busy or unavailable${waited}${later}; try again later, ${slower}`;
}

function unexpectedHint(error: UnexpectedAnswerError): string {
  switch (error.facts.kind) {
    case 'too-large':
      return 'the cap is TANGO_MAX_RESPONSE_MB (default 64); for lists, smaller pages with --max-results help';
    case 'redirect':
      return 'tango does not follow redirects (credentials would go along); point --base-url at the final address';
    case 'repeated-cursor':
    case 'too-many-pages':
      return 'the pages printed so far are complete; page on by hand with --next-cursor, or ask the server operator';
    default:
      return 'check --base-url / --env: is this the Tango API? --verbose shows every request';
  }
}

function networkHint(error: NetworkError): string {
  const { endpoint, timedOut, mayHaveLanded } = error.facts;
  if (mayHaveLanded) return 'the request may have been applied before the connection failed; check before trying again';
  // The message already says how long was waited.
  if (timedOut) return 'raise --timeout, or try again later';
  if (endpoint === 'token') {
    return 'check the network and the token URL (tango auth login --auth-url <url>, or tango config set auth-url <url>)';
  }
  return 'check the network and --base-url / --env, then try again';
}

/** Nothing to authenticate with: no stored profile credentials and no TANGO_* variables. */
export function noCredentials(profile: string): CliError {
  return new CliError(ExitCode.auth, `No credentials for profile "${profile}".`, {
    details: [
      'Store them:        tango auth login' + (profile === 'default' ? '' : ` --profile ${profile}`),
      'Or, for scripts:   TANGO_PLATFORM_NAME and TANGO_PLATFORM_KEY',
      '                   (OAuth: TANGO_CLIENT_ID, TANGO_CLIENT_SECRET, TANGO_USERNAME and TANGO_PASSWORD)',
      'Or try it locally: tango --env local customers list',
    ],
  });
}
