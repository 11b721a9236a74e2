/**
 * Credentials as an Authorization header: Basic for platform name + key, or a bearer token from
 * Tango's "Acquire Service Account token" (spec/tango-auth-openapi.json): the password grant with
 * the client and the service account. The token is cached (in the profile, for every process of
 * it) and reused until shortly before it expires; a 401 renews it once.
 */
import { type Dispatcher, request } from 'undici';
import { CliError, ExitCode, NetworkError, TokenRefusedError } from '../errors.js';
import type { AuthProvider } from './http.js';
import { errorCode } from './retry.js';

export function basicAuth(platformName: string, platformKey: string): AuthProvider {
  const header = `Basic ${Buffer.from(`${platformName}:${platformKey}`).toString('base64')}`;
  return { authorization: async () => header };
}

export interface CachedToken {
  accessToken: string;
  /** Epoch ms when the server says the token dies. */
  expiresAt: number;
  /** Epoch ms after which we fetch a new one, a little before expiresAt. */
  renewAt: number;
  /** Whose token it is: a changed client, service account or audience never reuses it. */
  clientId: string;
  username?: string;
  audience?: string;
}

export interface TokenCache {
  load(): CachedToken | undefined;
  save(token: CachedToken | undefined): void | Promise<void>;
}

export interface OAuthOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** The service account's username and password. */
  username: string;
  password: string;
  /** `https://api.tangocard.com/` (24-hour token) or `tango-api.bhn.com/fiveminute` (5 minutes). */
  audience: string;
  cache: TokenCache;
  dispatcher?: Dispatcher;
  userAgent?: string;
  timeoutMs?: number;
  now?: () => number;
  trace?: (line: string) => void;
}

const RENEW_MARGIN_MS = 60_000;

export function oauthServiceAccount(options: OAuthOptions): AuthProvider {
  const now = options.now ?? Date.now;
  let current = usable(options.cache.load(), options);
  let pending: Promise<CachedToken> | undefined;

  const fresh = async (signal?: AbortSignal): Promise<CachedToken> => {
    // Concurrent requests share one token fetch instead of each asking for their own.
    pending ??= fetchToken(options, now, signal).finally(() => {
      pending = undefined;
    });
    current = await pending;
    await options.cache.save(current);
    return current;
  };

  return {
    async authorization(signal) {
      if (!current || now() >= current.renewAt) current = await fresh(signal);
      return `Bearer ${current.accessToken}`;
    },
    async renew() {
      current = undefined;
      await options.cache.save(undefined);
      return true;
    },
  };
}

/** A cached token of this service account and audience; whether it is due for renewal is authorization()'s call. */
function usable(token: CachedToken | undefined, owner: OAuthOptions): CachedToken | undefined {
  if (!token) return undefined;
  const same =
    token.clientId === owner.clientId && token.username === owner.username && token.audience === owner.audience;
  return same ? token : undefined;
}

/** Exactly the request the spec documents: these seven fields, form-encoded. */
export function tokenRequestForm(options: OAuthOptions): URLSearchParams {
  return new URLSearchParams({
    client_id: options.clientId,
    client_secret: options.clientSecret,
    username: options.username,
    password: options.password,
    scope: 'raas.all',
    audience: options.audience,
    grant_type: 'password',
  });
}

async function fetchToken(options: OAuthOptions, now: () => number, signal?: AbortSignal): Promise<CachedToken> {
  const form = tokenRequestForm(options);
  const started = now();
  let status: number;
  let text: string;
  try {
    const response = await request(options.tokenUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        'user-agent': options.userAgent ?? 'tango-admin',
      },
      body: form.toString(),
      dispatcher: options.dispatcher,
      headersTimeout: options.timeoutMs ?? 30_000,
      bodyTimeout: options.timeoutMs ?? 30_000,
      signal,
    });
    status = response.statusCode;
    text = await response.body.text();
  } catch (error) {
    const code = errorCode(error) ?? (error as Error).message;
    const host = new URL(options.tokenUrl).host;
    throw new NetworkError(`Could not reach the OAuth token endpoint ${host} (${code})`, {
      endpoint: 'token',
      host,
      code,
      timedOut: /TIMEOUT|ETIMEDOUT/.test(code),
      mayHaveLanded: false,
      attempts: 1,
    });
  }
  options.trace?.(`POST ${options.tokenUrl} -> ${status} (${now() - started} ms, token request)`);
  if (status === 400 || status === 401 || status === 403) {
    const { clientId, username, audience, tokenUrl } = options;
    throw new TokenRefusedError({ status, reason: reasonOf(text), clientId, username, audience, tokenUrl });
  }
  const body = parseToken(text);
  if (status < 200 || status >= 300 || !body) {
    throw new CliError(ExitCode.error, `The OAuth token endpoint answered HTTP ${status} without a usable token`);
  }
  const ttlMs = body.expires_in * 1000;
  const issued = now();
  return {
    accessToken: body.access_token,
    expiresAt: issued + ttlMs,
    renewAt: issued + ttlMs - Math.min(RENEW_MARGIN_MS, ttlMs / 10),
    clientId: options.clientId,
    username: options.username,
    audience: options.audience,
  };
}

/** The refusal's text body, on one line, without control characters, and short. */
function reasonOf(text: string): string {
  const plain = text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
  const line = plain.replace(/[\p{Cc}\p{Cf}]+/gu, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

function parseToken(text: string): { access_token: string; expires_in: number } | undefined {
  try {
    const body = JSON.parse(text) as { access_token?: unknown; expires_in?: unknown };
    const expiresIn = Number(body.expires_in);
    if (typeof body.access_token !== 'string' || !Number.isFinite(expiresIn) || expiresIn <= 0) return undefined;
    return { access_token: body.access_token, expires_in: expiresIn };
  } catch {
    return undefined;
  }
}
