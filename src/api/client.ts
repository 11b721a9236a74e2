/**
 * Building the API client from resolved settings: the auth provider (Basic, or OAuth with its
 * token kept in the profile), the HTTP client with the timeout, retry and rate settings, and the
 * typed calls on top. The Context imports this module only when a command sends something, so a
 * command that sends nothing never loads undici.
 */
import type { Dispatcher } from 'undici';
import { AUDIENCES } from '../config/environments.js';
import type { Credentials, Settings } from '../config/settings.js';
import type { ProfileStore } from '../config/store.js';
import { echo, TokenUrlUnknownError, UsageError } from '../errors.js';
import { preferQuickExit } from '../v8-tuning.js';
import { VERSION } from '../version.js';
import { basicAuth, oauthServiceAccount, type TokenCache } from './auth.js';
import { HttpClient, REDACTED, type RetryListener } from './http.js';
import { processPacer } from './pacer.js';
import { TangoApi } from './tango.js';

export const USER_AGENT = `tango-admin/${VERSION} node/${process.versions.node}`;

export interface ClientOptions {
  settings: Settings;
  baseUrl: string;
  credentials: Credentials;
  /** OAuth token URL when it is not the settings' own (auth login --auth-url). */
  authUrl?: string;
  /** The profile the OAuth token is cached in; undefined keeps it in memory only. */
  tokenProfile?: { store: ProfileStore; name: string };
  env: NodeJS.ProcessEnv;
  /** Aborts requests in flight; left out by work that lets them finish (an import's rows). */
  signal?: AbortSignal;
  /** Aborts every request in flight, writes too (a second Ctrl-C). */
  abandon?: AbortSignal;
  /** The Context's HTTP dispatcher: undici's MockAgent in tests, a keep-alive Agent otherwise. */
  dispatcher?: Dispatcher;
  trace?: (line: string) => void;
  /** Told of each wait before a retry, for the status line at a terminal. */
  retries?: RetryListener;
}

export function createApiClient(options: ClientOptions): { api: TangoApi; close: () => Promise<void> } {
  // Before the first request, which compiles undici's WebAssembly parser (see v8-tuning.ts).
  preferQuickExit();
  const { settings, credentials, trace, dispatcher } = options;
  const auth =
    credentials.kind === 'basic'
      ? basicAuth(credentials.platformName.value, credentials.platformKey.value)
      : oauthServiceAccount({
          tokenUrl: tokenUrlFor(options.authUrl ?? settings.authUrl.value, options.baseUrl),
          clientId: credentials.clientId.value,
          clientSecret: credentials.clientSecret.value,
          username: credentials.username.value,
          password: credentials.password.value,
          audience: AUDIENCES[credentials.audience.value],
          cache: tokenCache(options.tokenProfile),
          userAgent: USER_AGENT,
          timeoutMs: settings.timeoutMs,
          dispatcher,
          trace,
        });
  const http = new HttpClient({
    baseUrl: options.baseUrl,
    auth,
    dispatcher,
    timeoutMs: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    // One pacer for every client of this process, so together they stay under the limit.
    pacer: processPacer(settings.rate, dispatcher),
    userAgent: USER_AGENT,
    trace,
    retries: options.retries,
    signal: options.signal,
    abandon: options.abandon,
    backoff: retryBaseFromEnv(options.env),
    maxBodyBytes: maxBodyFromEnv(options.env),
  });
  return { api: new TangoApi(http), close: () => http.close() };
}

/**
 * The token URL in force. A --base-url server's token endpoint cannot be guessed (sending the
 * service account's password to the sandbox's auth host for a private server would be wrong), so
 * without a stored one it is an error (src/hints.ts names the flag that sets it).
 */
function tokenUrlFor(authUrl: string, baseUrl: string): string {
  if (authUrl) return authUrl;
  throw new TokenUrlUnknownError(baseUrl);
}

/** An HTTP client that can only describe requests (for --dry-run without stored credentials). */
export function describingClient(baseUrl: string): HttpClient {
  return new HttpClient({
    baseUrl,
    auth: { authorization: async () => REDACTED },
    userAgent: USER_AGENT,
  });
}

/** TANGO_RETRY_BASE_MS shortens the backoff, for tests and rehearsals against the emulator. */
function retryBaseFromEnv(env: NodeJS.ProcessEnv): { baseMs: number } | undefined {
  // Unset is NaN here (set but blank was refused with the other variables).
  const value = Number(env.TANGO_RETRY_BASE_MS);
  return Number.isFinite(value) && value >= 0 ? { baseMs: value } : undefined;
}

/** TANGO_MAX_RESPONSE_MB: the largest answer read, in MiB (default 64); a bad value is a usage error. */
function maxBodyFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  const text = env.TANGO_MAX_RESPONSE_MB;
  if (text === undefined) return undefined;
  const mib = Number(text);
  // Blank is Number('') = 0, below the range.
  if (!Number.isFinite(mib) || mib < 1 || mib > 4096) {
    throw new UsageError(`TANGO_MAX_RESPONSE_MB: "${echo(text)}" must be a number of MiB from 1 to 4096`);
  }
  return Math.round(mib * 1024 * 1024);
}

/** Tokens for profile credentials live in the profile; tokens for env-var credentials only in memory. */
function tokenCache(profile: ClientOptions['tokenProfile']): TokenCache {
  // The auth provider loads once and then keeps the token it holds itself (src/api/auth.ts).
  return {
    load: () => (profile ? profile.store.get(profile.name)?.token : undefined) as ReturnType<TokenCache['load']>,
    save: async (token) => {
      if (profile) await profile.store.update(profile.name, { token });
    },
  };
}
