/**
 * The one HTTP client: undici with keep-alive, Basic or bearer auth, per-attempt timeouts,
 * retries with full-jitter backoff on 429, 5xx and network failures (never sooner than Retry-After),
 * the process's shared pacer (src/api/pacer.ts), and a --verbose trace that never shows credentials.
 */
import { setMaxListeners } from 'node:events';
import { Agent, type Dispatcher, request } from 'undici';
import { describeDepth, jsonTooDeep } from '../domain/input-limits.js';
import {
  ApiError,
  CliError,
  echo,
  InterruptedError,
  NetworkError,
  type NetworkFacts,
  type RequestLimits,
  type TangoErrorBody,
  UnexpectedAnswerError,
  UsageError,
} from '../errors.js';
import { abortableSleep, type Pacer } from './pacer.js';
import {
  type BackoffOptions,
  backoffDelay,
  classifyNetworkError,
  DEFAULT_BACKOFF,
  errorCode,
  type NetworkFailure,
  parseRetryAfter,
  RETRYABLE_STATUS,
} from './retry.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | undefined | readonly (string | number)[];

export interface RequestSpec {
  method: Method;
  /** Path below the base URL, each segment already encoded (see `segment`). */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Extra request headers (`tango api -H`); they cannot replace Authorization. */
  headers?: Record<string, string>;
  /**
   * A POST is retried only when its caller can tell "my earlier attempt landed" from "someone
   * else's resource" (the create commands do, with a GET after a 409).
   */
  retryUnsafe?: boolean;
}

export interface HttpResult<T> {
  status: number;
  headers: ResponseHeaders;
  body: T;
  requestId?: string;
  attempts: number;
  /** True when an earlier attempt may have been applied although its answer was lost. */
  earlierAttemptMayHaveLanded: boolean;
}

/** What --dry-run shows: the exact request, with the credentials left out. */
export interface PreparedRequest {
  method: Method;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

export interface AuthProvider {
  /** The Authorization header value. */
  authorization(signal?: AbortSignal): Promise<string>;
  /** Called once after a 401; true when a fresh credential is worth one more try (an expired token). */
  renew?(): Promise<boolean>;
}

/** A request waiting to be tried again: why, how long, and which attempt comes next. */
export interface RetryNotice {
  /** The status that refused it (429, 5xx), or undefined after a network error. */
  status: number | undefined;
  /** The network error's code (ECONNRESET, UND_ERR_HEADERS_TIMEOUT, ...), when there was one. */
  networkCode: string | undefined;
  delayMs: number;
  /** The attempt about to be made, counted from 1, of maxAttempts. */
  nextAttempt: number;
  maxAttempts: number;
}

/**
 * Told each time a request starts waiting to be retried, and once when that request is over
 * (answered, failed or interrupted), always with the request's one notice object, updated at each
 * wait: the Context shows a status line from it.
 * The layer above decides the words; this one only says what happened.
 */
export interface RetryListener {
  waiting(notice: RetryNotice): void;
  settled(notice: RetryNotice): void;
}

export interface HttpClientOptions {
  baseUrl: string;
  auth: AuthProvider;
  dispatcher?: Dispatcher;
  timeoutMs?: number;
  maxRetries?: number;
  /** Answers larger than this are refused (default DEFAULT_MAX_BODY_BYTES). */
  maxBodyBytes?: number;
  /** The process's pacer (see processPacer); none for no client-side pacing. */
  pacer?: Pacer;
  userAgent?: string;
  trace?: (line: string) => void;
  retries?: RetryListener;
  /** Aborted on Ctrl-C: waits end and reads in flight are abandoned; a write in flight finishes. */
  signal?: AbortSignal;
  /** Aborted on a second Ctrl-C: every request in flight is abandoned, a write too, and every wait ends. */
  abandon?: AbortSignal;
  backoff?: Partial<Omit<BackoffOptions, 'random'>>;
  /** Longest Retry-After honoured; a longer one ends the retries. */
  maxRetryAfterMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

interface Failure {
  failure: NetworkFailure;
  code: string;
}

export type ResponseHeaders = Record<string, string | string[] | undefined>;

interface Answer {
  status: number;
  headers: ResponseHeaders;
  text: string;
  ms: number;
  retryAfterMs: number | undefined;
}

export const REDACTED = '<redacted>';

/** The largest answer read (TANGO_MAX_RESPONSE_MB): a page of 200 accounts is about 100 KB. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * One path segment, percent-encoded so that no value can change the path: dots too ("." and ".."
 * would be resolved away), and an empty value, which would turn GET /accounts/{id} into a list
 * of every account, is refused.
 */
export function segment(value: string): string {
  if (value === '') throw new UsageError('an identifier in the request path is empty');
  return encodeURIComponent(value).replace(/\./g, '%2E');
}

/**
 * A request whose effect a repeat cannot reproduce: a second POST meets "already exists", a second
 * DELETE "not found". After a lost answer the caller must know an earlier attempt may have landed.
 */
function actsOnce(method: Method): boolean {
  return method === 'POST' || method === 'DELETE';
}

export function buildQuery(query: Record<string, QueryValue> | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export class HttpClient {
  readonly baseUrl: string;
  readonly #options: HttpClientOptions;
  readonly #dispatcher: Dispatcher;
  readonly #ownsDispatcher: boolean;
  readonly #backoff: BackoffOptions;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly #now: () => number;
  readonly #timeoutMs: number;
  /** What ends a wait (for the pace, a retry, a token): the first Ctrl-C, or for work that lets writes finish, the second. */
  readonly #waitsEnd: AbortSignal;

  constructor(options: HttpClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#options = options;
    this.#ownsDispatcher = !options.dispatcher;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    // The whole-request deadline (#attempt) is the only clock: undici's own connect timeout (10 s)
    // would otherwise cut a slow connection short under a longer --timeout.
    this.#dispatcher =
      options.dispatcher ??
      new Agent({ keepAliveTimeout: 10_000, connect: { timeout: this.#timeoutMs }, connections: 16 });
    this.#sleep = options.sleep ?? abortableSleep;
    this.#now = options.now ?? Date.now;
    const signals = [options.signal, options.abandon].filter((signal) => signal !== undefined);
    // One for the client's life: its signals never change, and a signal per request costs every request.
    this.#waitsEnd = AbortSignal.any(signals);
    // Every request in flight (up to -c 16 at once) listens on the command's Ctrl-C signals, and every
    // wait on #waitsEnd, each listener removed when its request or wait ends: no leak, so Node's warning
    // past 10 listeners (a line of plain text on stderr, even under -o json) is turned off for them.
    for (const signal of [...signals, this.#waitsEnd]) setMaxListeners(0, signal);
    this.#backoff = { ...DEFAULT_BACKOFF, ...options.backoff, random: options.random ?? Math.random };
  }

  url(spec: RequestSpec): string {
    return `${this.baseUrl}${spec.path}${buildQuery(spec.query)}`;
  }

  describe(spec: RequestSpec): PreparedRequest {
    const prepared: PreparedRequest = {
      method: spec.method,
      url: this.url(spec),
      headers: this.#headers(REDACTED, spec),
    };
    if (spec.body !== undefined) prepared.body = spec.body;
    return prepared;
  }

  async send<T>(spec: RequestSpec): Promise<HttpResult<T>> {
    // One notice per request, updated at each wait; the listener is told when the request is over, however it ends.
    let notice: RetryNotice | undefined;
    const waiting = (wait: RetryNotice) => {
      notice = notice ? Object.assign(notice, wait) : wait;
      this.#options.retries?.waiting(notice);
    };
    try {
      return await this.#send<T>(spec, waiting);
    } finally {
      if (notice) this.#options.retries?.settled(notice);
    }
  }

  async #send<T>(spec: RequestSpec, waiting: (notice: RetryNotice) => void): Promise<HttpResult<T>> {
    const url = this.url(spec);
    const maxAttempts = (this.#options.maxRetries ?? 4) + 1;
    const mayRetry = spec.method !== 'POST' || spec.retryUnsafe === true;
    let earlierAttemptMayHaveLanded = false;
    let renewed = false;

    for (let attempt = 1; ; attempt++) {
      const tag = `attempt ${attempt}/${mayRetry ? maxAttempts : 1}`;
      const answer = await this.#attempt(spec, url, tag);
      const attemptsLeft = attempt < maxAttempts;

      if ('failure' in answer) {
        // A connection that never opened carried nothing: safe to retry whatever the method.
        if (attemptsLeft && (mayRetry || answer.failure === 'connect')) {
          if (actsOnce(spec.method) && answer.failure !== 'connect') earlierAttemptMayHaveLanded = true;
          const delayMs = this.#backoffFor(attempt);
          waiting({ status: undefined, networkCode: answer.code, delayMs, nextAttempt: attempt + 1, maxAttempts });
          await this.#wait(delayMs, `network error (${answer.code})`);
          continue;
        }
        const landed = actsOnce(spec.method) && (earlierAttemptMayHaveLanded || answer.failure !== 'connect');
        throw networkError(url, answer.code, { mayHaveLanded: landed, attempts: attempt, limits: this.#limits() });
      }

      const requestId = headerValue(answer.headers['x-request-id']);
      this.#trace(
        `${spec.method} ${url} -> ${answer.status} (${answer.ms} ms, ${tag}${requestId ? `, request-id ${requestId}` : ''})`,
      );
      // undici never ends a request on a 1xx: below 300 is a success.
      if (answer.status < 300) {
        const body = parseSuccess<T>(answer, spec, url, requestId);
        return {
          status: answer.status,
          headers: answer.headers,
          body,
          requestId,
          attempts: attempt,
          earlierAttemptMayHaveLanded,
        };
      }
      if (answer.status < 400) {
        const location = headerValue(answer.headers.location) ?? '(no Location)';
        throw new UnexpectedAnswerError(
          { kind: 'redirect', method: spec.method, url, status: answer.status, location },
          `answered ${answer.status}, redirecting to ${echo(location)}`,
          { requestId },
        );
      }
      if (answer.status === 401 && !renewed && (await this.#options.auth.renew?.())) {
        renewed = true;
        continue;
      }
      const body = parseErrorBody(answer.text);
      const retryAfter = answer.retryAfterMs;
      const tooLong = retryAfter !== undefined && retryAfter > (this.#options.maxRetryAfterMs ?? 60_000);
      if (RETRYABLE_STATUS.has(answer.status) && mayRetry && attemptsLeft && !tooLong) {
        // 429 and 503 refuse the request before doing anything; other 5xx may have done part of it.
        if (actsOnce(spec.method) && answer.status !== 429 && answer.status !== 503) earlierAttemptMayHaveLanded = true;
        // Never sooner than the server asked, and spread, so workers refused together do not return together.
        const delayMs = (retryAfter ?? 0) + this.#backoffFor(attempt);
        waiting({ status: answer.status, networkCode: undefined, delayMs, nextAttempt: attempt + 1, maxAttempts });
        await this.#wait(delayMs, `HTTP ${answer.status}`);
        continue;
      }
      throw new ApiError({
        status: answer.status,
        method: spec.method,
        url,
        body,
        requestId: requestId ?? body?.requestId,
        earlierAttemptMayHaveLanded,
        response: { headers: answer.headers, text: answer.text },
        attempts: attempt,
        retryAfterMs: retryAfter,
        limits: this.#limits(),
      });
    }
  }

  async close(): Promise<void> {
    if (this.#ownsDispatcher) await this.#dispatcher.close();
  }

  /** One try: the server's answer, or how the connection failed. */
  async #attempt(spec: RequestSpec, url: string, tag: string): Promise<Answer | Failure> {
    const signal = this.#waitsEnd;
    const ticket = await this.#turn(signal);
    if (signal.aborted) throw new InterruptedError();
    const started = this.#now();
    const timeoutMs = this.#timeoutMs;
    // A request that changes something is let finish (within the deadline) after a Ctrl-C, so the
    // caller knows whether it happened; a read is simply abandoned. A second Ctrl-C abandons both.
    const ends = requestEnds(timeoutMs, [
      spec.method === 'GET' ? this.#options.signal : undefined,
      this.#options.abandon,
    ]);
    try {
      const authorization = await this.#options.auth.authorization(signal);
      const response = await request(url, {
        method: spec.method,
        headers: this.#headers(authorization, spec),
        // Stryker disable next-line ConditionalExpression: JSON.stringify(undefined) is undefined, the same no-body
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        dispatcher: this.#dispatcher,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal: ends.signal,
      });
      const text = await this.#readBody(response, spec, url);
      const retryAfterMs = parseRetryAfter(headerValue(response.headers['retry-after']), this.#now());
      this.#options.pacer?.answered(ticket, response.statusCode, retryAfterMs);
      return { status: response.statusCode, headers: response.headers, text, ms: this.#now() - started, retryAfterMs };
    } catch (error) {
      if (error instanceof CliError) throw error;
      if (this.#options.abandon?.aborted && spec.method !== 'GET') {
        throw new InterruptedError(
          `Interrupted again; the ${spec.method} in flight was abandoned, so it may or may not have been applied.`,
        );
      }
      if (signal.aborted) throw new InterruptedError('Interrupted; the request in flight was abandoned.');
      const code = ends.timedOut ? 'DEADLINE_TIMEOUT' : (errorCode(error) ?? (error as Error).message);
      this.#trace(`${spec.method} ${url} -> ${code} (${this.#now() - started} ms, ${tag})`);
      return { failure: classifyNetworkError(error, ends.timedOut), code };
    } finally {
      ends.release();
    }
  }

  /**
   * The body, up to the cap: a larger one is refused as soon as it is known (its Content-Length,
   * or the byte that crosses the cap), and not asked for again.
   */
  async #readBody(response: Dispatcher.ResponseData, spec: RequestSpec, url: string): Promise<string> {
    const cap = this.#options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    const tooLarge = () => {
      response.body.destroy();
      const mib = Math.round((cap / 1024 / 1024) * 100) / 100;
      return new UnexpectedAnswerError(
        { kind: 'too-large', method: spec.method, url, status: response.statusCode, limit: cap },
        `answered ${response.statusCode} with a body larger than ${mib} MiB; refused, and not downloaded again`,
        { requestId: headerValue(response.headers['x-request-id']) },
      );
    };
    if (Number(headerValue(response.headers['content-length'])) > cap) throw tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += (chunk as Buffer).length;
      if (size > cap) throw tooLarge();
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  /** This request's turn under the process's pace (at once without a pacer). */
  async #turn(signal: AbortSignal): Promise<number> {
    if (!this.#options.pacer) return this.#now();
    // The wait ends early only on Ctrl-C, which #attempt reports as an interruption as soon as this returns.
    // Stryker disable next-line ArrowFunction: any value does, #attempt throws on the aborted signal before using it
    return this.#options.pacer.acquire(signal).catch(() => Number.NaN);
  }

  #headers(authorization: string, spec: RequestSpec): Record<string, string> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': this.#options.userAgent ?? 'tango-admin',
    };
    if (spec.body !== undefined) headers['content-type'] = 'application/json';
    for (const [name, value] of Object.entries(spec.headers ?? {})) headers[name.toLowerCase()] = value;
    // Last, so no extra header can replace the credentials.
    headers.authorization = authorization;
    return headers;
  }

  #backoffFor(attempt: number): number {
    return backoffDelay(attempt, this.#backoff);
  }

  async #wait(ms: number, reason: string): Promise<void> {
    this.#trace(`retrying in ${ms} ms after ${reason}`);
    // Only Ctrl-C ends a wait early, and the next attempt, finding #waitsEnd aborted, reports the interruption.
    await this.#sleep(ms, this.#waitsEnd).catch(() => undefined);
  }

  /** The settings in force, carried by errors so the words at the top can name them. */
  #limits(): RequestLimits {
    const { maxRetries = 4, pacer } = this.#options;
    return { timeoutMs: this.#timeoutMs, maxRetries, rate: pacer?.ceiling };
  }

  #trace(line: string): void {
    this.#options.trace?.(line);
  }
}

/** A failed connection, as facts: which host, the error code, whether the request may have landed. */
function networkError(
  url: string,
  code: string,
  facts: Pick<NetworkFacts, 'mayHaveLanded' | 'attempts' | 'limits'>,
): NetworkError {
  const host = new URL(url).host;
  const timedOut = /TIMEOUT|ETIMEDOUT/.test(code);
  const message = timedOut
    ? `No answer from ${host} within ${Math.round((facts.limits?.timeoutMs ?? 30_000) / 1000)} s (${code})`
    : `Could not reach ${host} (${code})`;
  return new NetworkError(message, { endpoint: 'api', host, code, timedOut, ...facts });
}

function parseSuccess<T>(answer: Answer, spec: RequestSpec, url: string, requestId: string | undefined): T {
  if (answer.text.trim() === '') return undefined as T;
  // JSON.parse takes any depth, but every walk over the value afterwards (printing it) would overflow the stack.
  const deep = jsonTooDeep(answer.text);
  if (deep) {
    throw new UnexpectedAnswerError(
      { kind: 'not-json', method: spec.method, url, status: answer.status },
      `answered ${answer.status} with JSON ${describeDepth(deep)}`,
      { requestId },
    );
  }
  try {
    return JSON.parse(answer.text) as T;
  } catch {
    throw new UnexpectedAnswerError(
      { kind: 'not-json', method: spec.method, url, status: answer.status },
      `answered ${answer.status} with a body that is not JSON`,
      { details: [echo(answer.text)], requestId },
    );
  }
}

function parseErrorBody(text: string): TangoErrorBody | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as TangoErrorBody)
      : undefined;
  } catch {
    return text.trim() ? { message: text.trim().slice(0, 300) } : undefined;
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * What ends one request: its deadline, from the first byte sent to the last received (undici's own
 * timeouts only bound each wait, so a server dripping a byte a second would otherwise never time
 * out), or any of `signals`. `release()` once the request is over drops the timer and the listeners.
 * AbortSignal.timeout and AbortSignal.any would leave behind every request a 30-second timer and
 * weak references on the process's signals until the garbage collector and then the timer clear
 * them, which an import of 1,000 rows or a list of 5,000 pages pays for in collections.
 */
function requestEnds(timeoutMs: number, signals: ReadonlyArray<AbortSignal | undefined>) {
  const controller = new AbortController();
  let timedOut = false;
  // #attempt reads timedOut, not the abort's reason. The timer is cleared by release(), which every
  // request reaches: one left running would hold the process open for the whole timeout.
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const given = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  const follow = (event: Event) => controller.abort((event.target as AbortSignal).reason);
  // None is aborted yet: #attempt has just checked, and release() removes these listeners.
  for (const signal of given) signal.addEventListener('abort', follow);
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    release() {
      clearTimeout(timer);
      for (const signal of given) signal.removeEventListener('abort', follow);
    },
  };
}
