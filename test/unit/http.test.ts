import { getEventListeners } from 'node:events';
import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { basicAuth } from '../../src/api/auth.js';
import { HttpClient, type HttpClientOptions, segment } from '../../src/api/http.js';
import { PACE_MARGIN, Pacer } from '../../src/api/pacer.js';
import { backoffDelay, DEFAULT_BACKOFF } from '../../src/api/retry.js';
import { requests } from '../../src/api/tango.js';
import {
  ApiError,
  ExitCode,
  InterruptedError,
  NetworkError,
  UnexpectedAnswerError,
  UsageError,
} from '../../src/errors.js';
import { hintFor } from '../../src/hints.js';
import { warningsDuring } from '../support/warnings.js';

const ORIGIN = 'https://api.test';
const BASE = `${ORIGIN}/raas/v2`;
const KEY = 'platform-key-do-not-leak';

let agent: MockAgent;
let delays: number[];
let trace: string[];

function client(overrides: Partial<HttpClientOptions> = {}): HttpClient {
  return new HttpClient({
    baseUrl: BASE,
    auth: basicAuth('acme', KEY),
    dispatcher: agent,
    maxRetries: 4,
    sleep: async (ms) => {
      delays.push(ms);
    },
    random: () => 0.5,
    trace: (line) => trace.push(line),
    ...overrides,
  });
}

const errorBody = (status: number, message: string, extra: object = {}) => ({
  timestamp: '2025-01-01T00:00:00.000Z',
  requestId: `req-${status}`,
  path: '/raas/v2/customers',
  httpCode: status,
  httpPhrase: 'Phrase',
  i18nKey: `error.${status}`,
  message,
  errors: [],
  ...extra,
});

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
  delays = [];
  trace = [];
});

afterEach(async () => {
  await agent.close();
});

describe('retries', () => {
  it('succeeds after 503, 503, 200 with growing delays', async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/raas/v2/customers', method: 'GET' }).reply(503, errorBody(503, 'busy')).times(2);
    pool.intercept({ path: '/raas/v2/customers', method: 'GET' }).reply(200, [{ customerIdentifier: 'acme-1' }]);

    const result = await client().send<unknown[]>(requests.listCustomers());

    expect(result.body).toEqual([{ customerIdentifier: 'acme-1' }]);
    expect(result.attempts).toBe(3);
    expect(delays).toHaveLength(2);
    expect(delays[1]).toBeGreaterThan(delays[0]!);
  });

  it('waits at least Retry-After seconds on 429, plus a random share of its backoff', async () => {
    const pool = agent.get(ORIGIN);
    pool
      .intercept({ path: '/raas/v2/customers', method: 'GET' })
      .reply(429, errorBody(429, 'slow down'), { headers: { 'retry-after': '3' } });
    pool.intercept({ path: '/raas/v2/customers', method: 'GET' }).reply(200, []);

    await client().send(requests.listCustomers());

    // random() is 0.5 here: half of the first backoff (500 ms) on top of what the server asked.
    expect(delays).toEqual([3250]);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    const pool = agent.get(ORIGIN);
    pool
      .intercept({ path: '/raas/v2/customers', method: 'GET' })
      .reply(503, '', { headers: { 'retry-after': 'Wed, 01 Jan 2025 00:00:05 GMT' } });
    pool.intercept({ path: '/raas/v2/customers', method: 'GET' }).reply(200, []);

    await client({ now: () => now }).send(requests.listCustomers());

    expect(delays).toEqual([5250]);
  });

  it('gives up after --max-retries with exit 6 and says how often it tried', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: '/raas/v2/customers', method: 'GET' })
      .reply(503, errorBody(503, 'Service Unavailable'))
      .times(3);

    const error = await client({ maxRetries: 2 })
      .send(requests.listCustomers())
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).exitCode).toBe(ExitCode.unavailable);
    expect(error).toMatchObject({ status: 503, attempts: 3, limits: { maxRetries: 2, rate: undefined } });
    expect(hintFor(error)).toContain('after 3 attempts; try again later, or limit the pace with --rate 1');
    expect(delays).toHaveLength(2);
  });

  it.each([400, 401, 403, 404, 409, 422])('does not retry %i', async (status) => {
    agent
      .get(ORIGIN)
      .intercept({ path: '/raas/v2/customers/acme-1', method: 'GET' })
      .reply(status, errorBody(status, `failed ${status}`));

    await expect(client().send(requests.getCustomer('acme-1'))).rejects.toBeInstanceOf(ApiError);
    expect(delays).toEqual([]);
  });

  it('retries a GET after a dropped connection', async () => {
    const pool = agent.get(ORIGIN);
    pool
      .intercept({ path: '/raas/v2/customers', method: 'GET' })
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    pool.intercept({ path: '/raas/v2/customers', method: 'GET' }).reply(200, []);

    const result = await client().send(requests.listCustomers());

    expect(result.attempts).toBe(2);
  });

  it('ends with a network error (exit 7) when the connection keeps failing', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: '/raas/v2/customers', method: 'GET' })
      .replyWithError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))
      .times(2);

    const error = await client({ maxRetries: 1 })
      .send(requests.listCustomers())
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).exitCode).toBe(ExitCode.network);
    expect((error as NetworkError).message).toContain('api.test');
  });
});

describe('POST is not blindly retried', () => {
  const body = { customerIdentifier: 'acme-1', displayName: 'Acme One' };

  it('a POST without retry safety is sent once, even on 503', async () => {
    agent.get(ORIGIN).intercept({ path: '/raas/v2/customers', method: 'POST' }).reply(503, errorBody(503, 'busy'));

    const spec = { ...requests.createCustomer(body), retryUnsafe: false };
    await expect(client().send(spec)).rejects.toBeInstanceOf(ApiError);
    expect(delays).toEqual([]);
  });

  it('a POST whose connection dropped is not resent unless the caller can verify, and says it may have landed', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: '/raas/v2/customers', method: 'POST' })
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));

    const spec = { ...requests.createCustomer(body), retryUnsafe: false };
    const error = await client()
      .send(spec)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).facts).toMatchObject({ mayHaveLanded: true, code: 'ECONNRESET', attempts: 1 });
    expect(hintFor(error)).toContain('may have been applied');
    expect(delays).toEqual([]);
  });

  it('a verifiable POST retried after a dropped connection reports that the first may have landed', async () => {
    const pool = agent.get(ORIGIN);
    pool
      .intercept({ path: '/raas/v2/customers', method: 'POST' })
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    pool.intercept({ path: '/raas/v2/customers', method: 'POST' }).reply(409, errorBody(409, 'duplicate'));

    const error = await client()
      .send(requests.createCustomer(body))
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(409);
    expect((error as ApiError).earlierAttemptMayHaveLanded).toBe(true);
  });

  it('a POST that could not even connect is safe to retry', async () => {
    const pool = agent.get(ORIGIN);
    pool
      .intercept({ path: '/raas/v2/customers', method: 'POST' })
      .replyWithError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }));
    pool.intercept({ path: '/raas/v2/customers', method: 'POST' }).reply(201, body);

    const spec = { ...requests.createCustomer(body), retryUnsafe: false };
    const result = await client().send(spec);

    expect(result.status).toBe(201);
    expect(result.earlierAttemptMayHaveLanded).toBe(false);
  });
});

describe('errors reach the user', () => {
  it.each([
    [400, ExitCode.usage],
    [401, ExitCode.auth],
    [403, ExitCode.auth],
    [404, ExitCode.notFound],
    [409, ExitCode.conflict],
    [422, ExitCode.usage],
    [500, ExitCode.error],
  ])('HTTP %i maps to exit code %i', async (status, exitCode) => {
    agent
      .get(ORIGIN)
      .intercept({ path: '/raas/v2/customers/acme-1', method: 'GET' })
      .reply(status, errorBody(status, 'nope'))
      .persist();

    const error = await client({ maxRetries: 0 })
      .send(requests.getCustomer('acme-1'))
      .catch((e: unknown) => e);

    expect((error as ApiError).exitCode).toBe(exitCode);
  });

  it("carries the body's message, field errors and requestId", async () => {
    const body = errorBody(400, 'Validation failed', {
      errors: [
        {
          path: 'customerIdentifier',
          i18nKey: 'validation.pattern',
          message: 'must match pattern',
          invalidValue: 'a b',
          constraint: '^[-a-zA-Z0-9]{5,100}$',
        },
      ],
    });
    agent.get(ORIGIN).intercept({ path: '/raas/v2/customers', method: 'POST' }).reply(400, body);

    const error = (await client()
      .send(requests.createCustomer({ customerIdentifier: 'a b', displayName: 'Acme One' }))
      .catch((e: unknown) => e)) as ApiError;

    expect(error.message).toBe('Validation failed');
    expect(error.requestId).toBe('req-400');
    expect(error.i18nKey).toBe('error.400');
    expect(error.details).toEqual(['customerIdentifier: must match pattern (got "a b")']);
  });

  it('prefers the x-request-id header and accepts the short {message, i18nKey} body', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: '/raas/v2/accounts/acct-1', method: 'GET' })
      .reply(
        404,
        { message: 'Account not found', i18nKey: 'account.notFound' },
        { headers: { 'x-request-id': 'hdr-1' } },
      );

    const error = (await client()
      .send(requests.getAccount('acct-1'))
      .catch((e: unknown) => e)) as ApiError;

    expect(error.message).toBe('Account not found');
    expect(error.requestId).toBe('hdr-1');
  });
});

describe('secrets and headers', () => {
  it('sends Basic auth and a User-Agent naming the tool', async () => {
    let seen: Record<string, string> = {};
    agent
      .get(ORIGIN)
      .intercept({ path: '/raas/v2/customers', method: 'GET' })
      .reply(200, (options) => {
        seen = options.headers as Record<string, string>;
        return [];
      });

    await client({ userAgent: 'tango-admin/1.2.3 node/20' }).send(requests.listCustomers());

    expect(seen.authorization).toBe(`Basic ${Buffer.from(`acme:${KEY}`).toString('base64')}`);
    expect(seen['user-agent']).toBe('tango-admin/1.2.3 node/20');
  });

  it('never puts the key in the trace or in any error text', async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/raas/v2/customers', method: 'GET' }).reply(503, errorBody(503, 'busy')).times(2);
    pool.intercept({ path: '/raas/v2/customers', method: 'GET' }).reply(401, errorBody(401, 'Unauthorized'));

    const error = (await client()
      .send(requests.listCustomers())
      .catch((e: unknown) => e)) as ApiError;
    const encoded = Buffer.from(`acme:${KEY}`).toString('base64');
    const everything = [...trace, error.message, ...error.details, hintFor(error) ?? '', JSON.stringify(error)].join(
      '\n',
    );

    expect(trace.length).toBeGreaterThanOrEqual(3);
    expect(everything).not.toContain(KEY);
    expect(everything).not.toContain(encoded);
  });

  it('the trace names method, URL, status, time, attempt and request id', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: '/raas/v2/customers', method: 'GET' })
      .reply(200, [], { headers: { 'x-request-id': 'abc-123' } });

    await client().send(requests.listCustomers());

    expect(trace[0]).toMatch(
      /^GET https:\/\/api\.test\/raas\/v2\/customers -> 200 \(\d+ ms, attempt 1\/5, request-id abc-123\)$/,
    );
  });

  it('--dry-run descriptions show the request with the credentials redacted', () => {
    const prepared = client().describe(
      requests.createCustomer({ customerIdentifier: 'acme-1', displayName: 'Acme One' }),
    );

    expect(prepared).toEqual({
      method: 'POST',
      url: `${BASE}/customers`,
      headers: expect.objectContaining({ authorization: '<redacted>', 'content-type': 'application/json' }),
      body: { customerIdentifier: 'acme-1', displayName: 'Acme One' },
    });
  });
});

describe('query strings and paths', () => {
  it('repeats array parameters and encodes path segments', () => {
    const http = client();
    const url = http.url(
      requests.listAccounts(
        'acme 1',
        { currencyCode: ['USD', 'EUR'], status: 'ACTIVE' },
        { paginate: true, maxResults: 50 },
      ),
    );
    expect(url).toBe(
      `${BASE}/customers/acme%201/accounts?currencyCode=USD&currencyCode=EUR&status=ACTIVE&paginate=true&maxResults=50`,
    );
  });
});

describe('client-side pace', () => {
  it('spaces requests evenly under --rate', async () => {
    agent.get(ORIGIN).intercept({ path: '/raas/v2/customers', method: 'GET' }).reply(200, []).times(3);
    // All three ask for a turn at the same instant; each waits for the one before it.
    const waits: number[] = [];
    let now = 0;
    const sleep = async (ms: number) => {
      waits.push(ms);
      now += ms;
    };
    const pacer = new Pacer({ ceiling: 2, now: () => now, sleep });
    const http = client({ pacer, now: () => now });

    await Promise.all([
      http.send(requests.listCustomers()),
      http.send(requests.listCustomers()),
      http.send(requests.listCustomers()),
    ]);

    const spacing = 1000 / (2 * PACE_MARGIN);
    expect(waits).toEqual([spacing, spacing]);
  });

  it('tells the pacer about a 429, so every request waits for its Retry-After', async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/raas/v2/customers', method: 'GET' }).reply(200, []);
    pool
      .intercept({ path: '/raas/v2/customers', method: 'GET' })
      .reply(429, errorBody(429, 'slow down'), { headers: { 'retry-after': '2' } });
    let now = 0;
    const sleep = async (ms: number) => {
      now += ms;
    };
    const pacer = new Pacer({ now: () => now, sleep });
    const http = client({ pacer, now: () => now, maxRetries: 0 });

    await http.send(requests.listCustomers());
    await http.send(requests.listCustomers()).catch(() => undefined);

    expect(pacer.rate()).toBeCloseTo(PACE_MARGIN, 5);
    expect(await pacer.acquire()).toBe(2000);
  });
});

describe('backoff', () => {
  it('is full jitter: anywhere from nothing to the doubling ceiling', () => {
    const options = { baseMs: 500, capMs: 30_000 };
    expect(backoffDelay(3, { ...options, random: () => 0 })).toBe(0);
    expect(backoffDelay(3, { ...options, random: () => 0.999 })).toBe(1998);
    expect(backoffDelay(20, { ...options, random: () => 0.5 })).toBe(15_000);
  });
});

// Mutation gaps (issue 20): each test names the surviving mutant it kills.
describe('how long a retry waits', () => {
  it('backs off 250 ms then 500 ms with the default base and random() = 0.5 (kills a 4x base or an off-by-one exponent)', async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/raas/v2/customers', method: 'GET' }).reply(503, errorBody(503, 'busy')).times(2);
    pool.intercept({ path: '/raas/v2/customers', method: 'GET' }).reply(200, []);

    await client().send(requests.listCustomers());

    expect(delays).toEqual([250, 500]);
  });

  it.each([
    [1, 500],
    [2, 1000],
    [3, 2000],
    [7, 30_000],
  ])('retry %i waits at most %i ms (kills a changed base, exponent or cap)', (retry, ceiling) => {
    expect(backoffDelay(retry, { ...DEFAULT_BACKOFF, random: () => 1 })).toBe(ceiling);
  });

  it('Retry-After: 3600 fails at once instead of sleeping an hour (kills dropping the maxRetryAfter check)', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: '/raas/v2/customers', method: 'GET' })
      .reply(429, errorBody(429, 'slow down'), { headers: { 'retry-after': '3600' } });

    const error = await client()
      .send(requests.listCustomers())
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 429, attempts: 1, retryAfterMs: 3_600_000 });
    expect(delays).toEqual([]);
  });

  it('Retry-After: 60 is still honoured, 61 is not (kills > turned into >=, and a changed 60 s limit)', async () => {
    const pool = agent.get(ORIGIN);
    pool
      .intercept({ path: '/raas/v2/customers', method: 'GET' })
      .reply(429, errorBody(429, 'slow down'), { headers: { 'retry-after': '60' } });
    pool.intercept({ path: '/raas/v2/customers', method: 'GET' }).reply(200, []);
    await client().send(requests.listCustomers());
    expect(delays).toEqual([60_250]);

    pool
      .intercept({ path: '/raas/v2/customers', method: 'GET' })
      .reply(429, errorBody(429, 'slow down'), { headers: { 'retry-after': '61' } });
    await expect(client().send(requests.listCustomers())).rejects.toMatchObject({ status: 429, attempts: 1 });
    expect(delays).toEqual([60_250]);
  });
});

describe('network errors: which ones never reached the server', () => {
  const body = { customerIdentifier: 'acme-1', displayName: 'Acme One' };

  // Kills removing any one code from the connect set: the create would be sent once and told it may have landed.
  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'EHOSTUNREACH', 'ENETUNREACH'])(
    '%s before connecting: even a plain POST is retried, and nothing may have landed',
    async (code) => {
      const pool = agent.get(ORIGIN);
      pool
        .intercept({ path: '/raas/v2/customers', method: 'POST' })
        .replyWithError(Object.assign(new Error(code), { code }));
      pool.intercept({ path: '/raas/v2/customers', method: 'POST' }).reply(201, body);

      const result = await client().send({ ...requests.createCustomer(body), retryUnsafe: false });

      expect(result).toMatchObject({ status: 201, attempts: 2, earlierAttemptMayHaveLanded: false });
    },
  );

  it.each(['ECONNRESET', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'SOMETHING_NEW'])(
    '%s after sending: a plain POST is not resent and may have landed',
    async (code) => {
      agent
        .get(ORIGIN)
        .intercept({ path: '/raas/v2/customers', method: 'POST' })
        .replyWithError(Object.assign(new Error(code), { code }));

      const error = await client()
        .send({ ...requests.createCustomer(body), retryUnsafe: false })
        .catch((e: unknown) => e);

      expect((error as NetworkError).facts).toMatchObject({ mayHaveLanded: true, attempts: 1 });
    },
  );

  it.each(['ENOTFOUND', 'UND_ERR_CONNECT_TIMEOUT', 'ECONNRESET'])(
    'a GET that keeps failing with %s is not told it "may have been applied" (kills dropping the POST check)',
    async (code) => {
      agent
        .get(ORIGIN)
        .intercept({ path: '/raas/v2/customers', method: 'GET' })
        .replyWithError(Object.assign(new Error(code), { code }))
        .times(2);

      const error = await client({ maxRetries: 1 })
        .send(requests.listCustomers())
        .catch((e: unknown) => e);

      expect((error as NetworkError).facts).toMatchObject({ mayHaveLanded: false, attempts: 2, code });
      expect(hintFor(error)).not.toContain('may have been applied');
    },
  );
});

describe('empty successful answers', () => {
  it.each([204, 200, 201])(
    'HTTP %i with no body is a success without a body, not "body is not JSON" (kills dropping the empty check)',
    async (status) => {
      agent.get(ORIGIN).intercept({ path: '/raas/v2/customers/acme-1', method: 'GET' }).reply(status, '');

      const result = await client().send(requests.getCustomer('acme-1'));

      expect(result).toMatchObject({ status, body: undefined, attempts: 1 });
    },
  );
});

describe('an answer nested deeper than any the API describes', () => {
  it('is "unexpected answer" naming the depth, exit 1, never a stack overflow later', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    agent.get(ORIGIN).intercept({ path: '/raas/v2/customers/acme-1', method: 'GET' }).reply(200, deep);

    const error = await client()
      .send(requests.getCustomer('acme-1'))
      .catch((e: unknown) => e);

    expect((error as ApiError).exitCode).toBe(ExitCode.error);
    expect((error as Error).message).toContain('answered 200 with JSON nested 100,000 levels deep');
  });
});

// Mutation survivors of src/api/http.ts (npm run mutation; docs/testing.md): answers the client must
// refuse or read exactly. Each case names the mutant it kills.
describe('answers that are refused, not followed or read', () => {
  it.each([300, 301, 302, 307, 308, 399])(
    'HTTP %i is an unexpected answer naming where it points, and is not followed (kills the 3xx bounds)',
    async (status) => {
      agent
        .get(ORIGIN)
        .intercept({ path: '/raas/v2/customers', method: 'GET' })
        .reply(status, '', { headers: { location: 'https://elsewhere.test/x' } });

      const error = (await client()
        .send(requests.listCustomers())
        .catch((e: unknown) => e)) as UnexpectedAnswerError;

      expect(error).toBeInstanceOf(UnexpectedAnswerError);
      expect(error.facts).toEqual({
        kind: 'redirect',
        method: 'GET',
        url: `${BASE}/customers`,
        status,
        location: 'https://elsewhere.test/x',
      });
      expect(error.message).toContain(`answered ${status}, redirecting to https://elsewhere.test/x`);
    },
  );

  it('a redirect without a Location says so (kills dropping the fallback text)', async () => {
    agent.get(ORIGIN).intercept({ path: '/raas/v2/customers', method: 'GET' }).reply(302, '');

    const error = (await client()
      .send(requests.listCustomers())
      .catch((e: unknown) => e)) as UnexpectedAnswerError;

    expect(error.facts.location).toBe('(no Location)');
  });

  it('HTTP 299 with JSON is still a success: the whole 2xx range is', async () => {
    agent.get(ORIGIN).intercept({ path: '/raas/v2/customers', method: 'GET' }).reply(299, []);

    await expect(client().send(requests.listCustomers())).resolves.toMatchObject({ status: 299, body: [] });
  });

  it('a 2xx body that is not JSON is refused with the text echoed (kills dropping the parse guard)', async () => {
    agent.get(ORIGIN).intercept({ path: '/raas/v2/customers', method: 'GET' }).reply(200, '<html>oops</html>');

    const error = (await client()
      .send(requests.listCustomers())
      .catch((e: unknown) => e)) as UnexpectedAnswerError;

    expect(error.facts).toMatchObject({ kind: 'not-json', status: 200 });
    expect(error.message).toContain('answered 200 with a body that is not JSON');
    expect(error.details).toEqual(['<html>oops</html>']);
  });
});

describe('the body cap', () => {
  const MIB = 1024 * 1024;
  const cap = 1.5 * MIB;

  it.each([
    ['with a Content-Length', true],
    ['streamed without one', false],
  ])(
    'a body one byte over the cap is refused %s, naming the cap in MiB (kills > turned into >=, the MiB sum)',
    async (_how, withLength) => {
      const body = 'x'.repeat(cap + 1);
      agent
        .get(ORIGIN)
        .intercept({ path: '/raas/v2/customers', method: 'GET' })
        .reply(200, body, withLength ? { headers: { 'content-length': String(body.length) } } : {});

      const error = (await client({ maxBodyBytes: cap })
        .send(requests.listCustomers())
        .catch((e: unknown) => e)) as UnexpectedAnswerError;

      expect(error).toBeInstanceOf(UnexpectedAnswerError);
      expect(error.facts).toMatchObject({ kind: 'too-large', status: 200, limit: cap });
      expect(error.message).toContain(
        'answered 200 with a body larger than 1.5 MiB; refused, and not downloaded again',
      );
    },
  );

  it.each([
    ['with a Content-Length', true],
    ['streamed without one', false],
  ])('a body exactly at the cap is read %s (kills > turned into >=)', async (_how, withLength) => {
    const body = JSON.stringify('y'.repeat(cap - 2));
    agent
      .get(ORIGIN)
      .intercept({ path: '/raas/v2/customers', method: 'GET' })
      .reply(200, body, withLength ? { headers: { 'content-length': String(body.length) } } : {});

    const result = await client({ maxBodyBytes: cap }).send<string>(requests.listCustomers());

    expect(result.body).toHaveLength(cap - 2);
  });
});

describe('network errors in words', () => {
  it.each([
    ['ETIMEDOUT', {}, 'No answer from api.test within 30 s (ETIMEDOUT)', true],
    [
      'UND_ERR_HEADERS_TIMEOUT',
      { timeoutMs: 5000 },
      'No answer from api.test within 5 s (UND_ERR_HEADERS_TIMEOUT)',
      true,
    ],
    ['ECONNRESET', {}, 'Could not reach api.test (ECONNRESET)', false],
  ] as const)(
    '%s (%j) reads "%s" (kills the timeout test and the seconds sum)',
    async (code, options, message, timedOut) => {
      agent
        .get(ORIGIN)
        .intercept({ path: '/raas/v2/customers', method: 'GET' })
        .replyWithError(Object.assign(new Error(code), { code }));

      const error = (await client({ maxRetries: 0, ...options })
        .send(requests.listCustomers())
        .catch((e: unknown) => e)) as NetworkError;

      expect(error.message).toBe(message);
      expect(error.facts).toMatchObject({ endpoint: 'api', host: 'api.test', code, timedOut, attempts: 1 });
    },
  );

  it('an error without a code is named by its message (kills dropping the fallback)', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: '/raas/v2/customers', method: 'GET' })
      .replyWithError(new Error('socket hang up'));

    const error = (await client({ maxRetries: 0 })
      .send(requests.listCustomers())
      .catch((e: unknown) => e)) as NetworkError;

    expect(error.facts.code).toBe('socket hang up');
  });

  it('errors carry the limits in force, defaults included (kills the 30 s and 4-retry fallbacks)', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: '/raas/v2/customers', method: 'GET' })
      .replyWithError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))
      .times(5);

    const error = (await client({ maxRetries: undefined })
      .send(requests.listCustomers())
      .catch((e: unknown) => e)) as NetworkError;

    expect(error.facts).toMatchObject({ attempts: 5, limits: { timeoutMs: 30_000, maxRetries: 4, rate: undefined } });
  });
});

describe('error bodies as the server sends them', () => {
  it.each([
    ['plain text, trimmed', 'Service down\n', { message: 'Service down' }],
    ['a JSON array', '[1,2]', undefined],
    ['JSON null', 'null', undefined],
    ['a JSON string', '"busy"', undefined],
    ['nothing', '', undefined],
    ['blank', '  \n', undefined],
  ])('%s gives the body %j (kills the object, null and array checks and the blank test)', async (_what, text, body) => {
    agent.get(ORIGIN).intercept({ path: '/raas/v2/customers', method: 'GET' }).reply(400, text);

    const error = (await client()
      .send(requests.listCustomers())
      .catch((e: unknown) => e)) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect(error.body).toEqual(body);
  });

  it('a long text body is cut to 300 characters (kills dropping the slice)', async () => {
    agent.get(ORIGIN).intercept({ path: '/raas/v2/customers', method: 'GET' }).reply(502, 'e'.repeat(1000));

    const error = (await client({ maxRetries: 0 })
      .send(requests.listCustomers())
      .catch((e: unknown) => e)) as ApiError;

    expect(error.body?.message).toBe('e'.repeat(300));
  });
});

describe('what a retry may have done', () => {
  it.each([
    ['POST', 500, true],
    ['POST', 502, true],
    ['POST', 429, false],
    ['POST', 503, false],
    ['DELETE', 500, true],
    ['PATCH', 500, false],
  ] as const)(
    'a %s retried after %i: an earlier attempt may have landed = %s (kills the acts-once and refused-status checks)',
    async (method, status, landed) => {
      const pool = agent.get(ORIGIN);
      pool.intercept({ path: '/raas/v2/customers/acme-1', method }).reply(status, errorBody(status, 'trouble'));
      pool.intercept({ path: '/raas/v2/customers/acme-1', method }).reply(200, {});

      const result = await client().send({ method, path: '/customers/acme-1', body: {}, retryUnsafe: true });

      expect(result).toMatchObject({ status: 200, attempts: 2, earlierAttemptMayHaveLanded: landed });
    },
  );

  it('a plain POST is traced as its only attempt, and retries are traced with their reason', async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/raas/v2/customers', method: 'POST' }).reply(201, {});
    pool.intercept({ path: '/raas/v2/customers', method: 'GET' }).reply(503, errorBody(503, 'busy'));
    pool
      .intercept({ path: '/raas/v2/customers', method: 'GET' })
      .replyWithError(Object.assign(new Error('reset'), { code: 'ECONNRESET' }));
    pool.intercept({ path: '/raas/v2/customers', method: 'GET' }).reply(200, []);

    await client().send({
      ...requests.createCustomer({ customerIdentifier: 'a', displayName: 'A' }),
      retryUnsafe: false,
    });
    await client().send(requests.listCustomers());

    expect(trace[0]).toMatch(/^POST https:\/\/api\.test\/raas\/v2\/customers -> 201 \(\d+ ms, attempt 1\/1\)$/);
    expect(trace).toContain('retrying in 250 ms after HTTP 503');
    expect(trace).toContainEqual(
      expect.stringMatching(/^GET https:\/\/api\.test\/raas\/v2\/customers -> ECONNRESET \(\d+ ms, attempt 2\/5\)$/),
    );
    expect(trace).toContain('retrying in 500 ms after network error (ECONNRESET)');
  });
});

describe('requests as sent', () => {
  it('extra headers are lower-cased and cannot replace the credentials; a body brings its content type', async () => {
    const seen: Record<string, string>[] = [];
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/raas/v2/customers', method: 'GET' }).reply(200, (options) => {
      seen.push(options.headers as Record<string, string>);
      return [];
    });
    pool.intercept({ path: '/raas/v2/customers', method: 'POST' }).reply(201, (options) => {
      seen.push(options.headers as Record<string, string>);
      return {};
    });

    await client().send({ ...requests.listCustomers(), headers: { 'X-Trace': 'on', Authorization: 'Bearer stolen' } });
    await client().send(requests.createCustomer({ customerIdentifier: 'a', displayName: 'A' }));

    expect(seen[0]).toMatchObject({
      accept: 'application/json',
      'user-agent': 'tango-admin',
      'x-trace': 'on',
      authorization: `Basic ${Buffer.from(`acme:${KEY}`).toString('base64')}`,
    });
    expect(seen[0]).not.toHaveProperty('content-type');
    expect(seen[1]).toMatchObject({ 'content-type': 'application/json' });
  });

  it('trailing slashes of the base URL are dropped, and a described GET has no body', () => {
    const http = client({ baseUrl: `${BASE}//` });

    expect(http.url(requests.listCustomers())).toBe(`${BASE}/customers`);
    expect(http.describe(requests.listCustomers())).not.toHaveProperty('body');
  });
});

describe('the whole-request deadline', () => {
  it('an answer slower than --timeout is a timeout that names it, and a GET is not "may have landed" (kills the deadline checks)', async () => {
    agent.get(ORIGIN).intercept({ path: '/raas/v2/customers', method: 'GET' }).reply(200, []).delay(5000);

    const error = (await client({ timeoutMs: 1000, maxRetries: 0 })
      .send(requests.listCustomers())
      .catch((e: unknown) => e)) as NetworkError;

    expect(error).toBeInstanceOf(NetworkError);
    expect(error.facts).toMatchObject({ code: 'DEADLINE_TIMEOUT', timedOut: true, mayHaveLanded: false });
    expect(error.message).toBe('No answer from api.test within 1 s (DEADLINE_TIMEOUT)');
  });
});

// More survivors of src/api/http.ts (npm run mutation, the run of 12:15): Ctrl-C before and during a
// request, the time a trace line reports, a create that never connected, and path segments.
describe('Ctrl-C and the request in flight', () => {
  it('already interrupted: nothing is sent (kills dropping the check before sending)', async () => {
    const error = await client({ signal: AbortSignal.abort() })
      .send(requests.listCustomers())
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(InterruptedError);
    expect((error as InterruptedError).message).toBe('Interrupted.');
  });

  it('a GET in flight is abandoned at once; a POST in flight is let finish (kills the GET-only abandon)', async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/raas/v2/customers', method: 'GET' }).reply(200, []).delay(5000);
    pool.intercept({ path: '/raas/v2/customers', method: 'POST' }).reply(201, {}).delay(200);

    const ctrlC = new AbortController();
    const read = client({ signal: ctrlC.signal })
      .send(requests.listCustomers())
      .catch((e: unknown) => e);
    const write = client({ signal: ctrlC.signal }).send(
      requests.createCustomer({ customerIdentifier: 'a', displayName: 'A' }),
    );
    setTimeout(() => ctrlC.abort(), 50);

    const abandoned = await read;
    expect(abandoned).toBeInstanceOf(InterruptedError);
    expect((abandoned as InterruptedError).message).toBe('Interrupted; the request in flight was abandoned.');
    await expect(write).resolves.toMatchObject({ status: 201 });
  });

  it('a second Ctrl-C abandons the POST too, saying it may or may not have been applied', async () => {
    agent.get(ORIGIN).intercept({ path: '/raas/v2/customers', method: 'POST' }).reply(201, {}).delay(5000);
    const again = new AbortController();

    const write = client({ abandon: again.signal })
      .send(requests.createCustomer({ customerIdentifier: 'a', displayName: 'A' }))
      .catch((e: unknown) => e);
    setTimeout(() => again.abort(), 50);

    expect(((await write) as InterruptedError).message).toBe(
      'Interrupted again; the POST in flight was abandoned, so it may or may not have been applied.',
    );
  });
});

describe('the time a trace line reports', () => {
  it('is the time from sending to the answer or the failure, not a sum (kills - turned into +)', async () => {
    const pool = agent.get(ORIGIN);
    pool
      .intercept({ path: '/raas/v2/customers', method: 'GET' })
      .replyWithError(Object.assign(new Error('reset'), { code: 'ECONNRESET' }));
    pool.intercept({ path: '/raas/v2/customers', method: 'GET' }).reply(200, []);

    await client({ now: () => 1_000_000 }).send(requests.listCustomers());

    expect(trace[0]).toBe('GET https://api.test/raas/v2/customers -> ECONNRESET (0 ms, attempt 1/5)');
    expect(trace.at(-1)).toBe('GET https://api.test/raas/v2/customers -> 200 (0 ms, attempt 2/5)');
  });
});

describe('a create that never connected', () => {
  it('cannot have landed, however many attempts failed (kills "may have landed" for connect failures)', async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: '/raas/v2/customers', method: 'POST' })
      .replyWithError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))
      .times(5);

    const error = (await client()
      .send({ ...requests.createCustomer({ customerIdentifier: 'a', displayName: 'A' }), retryUnsafe: false })
      .catch((e: unknown) => e)) as NetworkError;

    expect(error.facts).toMatchObject({ mayHaveLanded: false, attempts: 5, code: 'ECONNREFUSED' });
  });
});

describe('path segments', () => {
  it('an empty identifier is refused before any request, and dots are encoded (kills the empty check and %2E)', () => {
    expect(() => segment('')).toThrow(new UsageError('an identifier in the request path is empty'));
    expect(segment('a.b')).toBe('a%2Eb');
    expect(segment('..')).toBe('%2E%2E');
  });
});

// Mutation survivors of src/api/http.ts: close() of the Agent the client builds when it is given none.
describe('the Agent the client builds when it is given none', () => {
  it('closes the Agent the client built: its connection ends and nothing more is sent (kills close() doing nothing)', async () => {
    // Imported here, not at the top, so the tests above keep their lines (Stryker's record knows a test by them).
    const { createServer } = await import('node:http');
    const sockets: import('node:net').Socket[] = [];
    const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('[]'));
    server.on('connection', (socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as import('node:net').AddressInfo;
      const own = new HttpClient({
        baseUrl: `http://127.0.0.1:${port}/raas/v2`,
        auth: basicAuth('acme', KEY),
        maxRetries: 0,
      });
      await own.send(requests.listCustomers());
      expect(sockets).toHaveLength(1);

      await own.close();

      const after = (await own.send(requests.listCustomers()).catch((e: unknown) => e)) as NetworkError;
      expect(after).toBeInstanceOf(NetworkError);
      expect(after.facts.code).toBe('UND_ERR_DESTROYED');
      expect(sockets).toHaveLength(1);
      await new Promise<void>((resolve) => (sockets[0]!.destroyed ? resolve() : sockets[0]!.once('close', resolve)));
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("leaves a dispatcher it was given open: it is the Context's (kills closing it always)", async () => {
    agent.get(ORIGIN).intercept({ path: '/raas/v2/customers', method: 'GET' }).reply(200, []).times(2);
    await client().send(requests.listCustomers());

    await client().close();

    await expect(client().send(requests.listCustomers())).resolves.toMatchObject({ status: 200, body: [] });
  });

  it("gives a connection the whole --timeout, not undici's 10 s connect timeout (kills the Agent built without its options)", async () => {
    // A TLS server that accepts and never answers the handshake: the connection never opens.
    const { createServer } = await import('node:net');
    const server = createServer(() => {});
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as import('node:net').AddressInfo;
      const own = new HttpClient({
        baseUrl: `https://127.0.0.1:${port}/raas/v2`,
        auth: basicAuth('acme', KEY),
        timeoutMs: 12_000,
        maxRetries: 0,
      });

      const error = (await own.send(requests.listCustomers()).catch((e: unknown) => e)) as NetworkError;
      await own.close();

      // Past undici's default of 10 s, the request's own deadline ends it, and the words say 12 s.
      expect(error).toBeInstanceOf(NetworkError);
      expect(error.facts.code).toBe('DEADLINE_TIMEOUT');
      expect(error.message).toBe(`No answer from 127.0.0.1:${port} within 12 s (DEADLINE_TIMEOUT)`);
    } finally {
      server.close();
    }
  }, 30_000);
});

describe('Ctrl-C while a request waits for its turn under the pace', () => {
  it('is an interruption, and that request is never sent (no unit test reached the pacer refusing a turn)', async () => {
    let sent = 0;
    agent
      .get(ORIGIN)
      .intercept({ path: '/raas/v2/customers', method: 'GET' })
      .reply(() => {
        sent += 1;
        return { statusCode: 200, data: [] };
      })
      .persist();
    const stop = new AbortController();
    // The clock stops after the first request: the second's wait for its turn ends only by Ctrl-C, as abortableSleep does.
    let now = 0;
    let stopped = false;
    const sleep = async (ms: number, signal?: AbortSignal) => {
      if (!stopped) now += ms;
      else if (signal?.aborted) throw signal.reason;
      else await new Promise<void>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
    };
    const http = client({
      pacer: new Pacer({ ceiling: 1, now: () => now, sleep }),
      now: () => now,
      signal: stop.signal,
    });
    await http.send(requests.listCustomers());
    stopped = true;

    const second = http.send(requests.listCustomers()).catch((e: unknown) => e);
    stop.abort();

    expect(await second).toBeInstanceOf(InterruptedError);
    expect(sent).toBe(1);
  });
});

// requestEnds: more than 10 requests in flight on one Ctrl-C signal (an import at -c 16) print no
// MaxListenersExceededWarning, and each request's listener is removed when it ends.
describe('many requests in flight on one Ctrl-C signal', () => {
  it('print no listener warning, and leave no listener behind', async () => {
    const ctrlC = new AbortController();
    const again = new AbortController();
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/raas/v2/customers', method: 'GET' }).reply(200, []).delay(50).times(16);
    const api = client({ signal: ctrlC.signal, abandon: again.signal });

    const warnings = await warningsDuring(async () => {
      await Promise.all(Array.from({ length: 16 }, () => api.send(requests.listCustomers())));
    });

    expect(warnings).toEqual([]);
    expect(getEventListeners(ctrlC.signal, 'abort')).toHaveLength(0);
    expect(getEventListeners(again.signal, 'abort')).toHaveLength(0);
  });
});
