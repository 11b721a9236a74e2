/** When to try a request again, and how long to wait first. */

export const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

export interface BackoffOptions {
  /** First delay before jitter, in ms. */
  baseMs: number;
  /** No single wait is longer than this. */
  capMs: number;
  random: () => number;
}

export const DEFAULT_BACKOFF: Omit<BackoffOptions, 'random'> = { baseMs: 500, capMs: 30_000 };

/**
 * Exponential backoff with full jitter: retry n waits a random time between 0 and base x 2^(n-1)
 * (capped), so clients that failed together spread out instead of retrying together
 * (see "Exponential Backoff And Jitter", AWS Architecture Blog).
 */
export function backoffDelay(retryNumber: number, { baseMs, capMs, random }: BackoffOptions): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** (retryNumber - 1));
  return Math.round(ceiling * random());
}

/** Retry-After is either whole seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(header: string | undefined, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Failures before any byte was sent: safe to retry any method. */
const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

export function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * 'connect': nothing was sent, so any method may be retried. 'sent': everything else (a reset, a
 * timeout, a code we do not know), where a request that changes something may have been applied.
 */
export type NetworkFailure = 'connect' | 'sent';

export function classifyNetworkError(error: unknown, pastDeadline = false): NetworkFailure {
  // Past the whole-request deadline the request was sent: whether it was applied is unknown.
  if (pastDeadline) return 'sent';
  const code = errorCode(error);
  return code && CONNECT_CODES.has(code) ? 'connect' : 'sent';
}
