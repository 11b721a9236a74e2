/**
 * The HTTP client (src/api/http.ts) where the mutation run at e2275b1 found behaviour no unit test
 * pinned down: request ids on refusals, a blank 2xx body, a second Ctrl-C during a read, an answer
 * over the body cap refused before its body with its connection closed, no timer or listener left
 * behind, and no listener warning while many requests wait to be retried. Each test names the
 * survivor it kills (http.ts:line).
 */
import { getEventListeners } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { basicAuth } from '../../src/api/auth.js';
import { HttpClient, type HttpClientOptions } from '../../src/api/http.js';
import { requests } from '../../src/api/tango.js';
import { InterruptedError, UnexpectedAnswerError } from '../../src/errors.js';
import { warningsDuring } from '../support/warnings.js';

const ORIGIN = 'https://api.test';
const BASE = `${ORIGIN}/raas/v2`;
let agent: MockAgent;

function client(overrides: Partial<HttpClientOptions> = {}): HttpClient {
  return new HttpClient({ baseUrl: BASE, auth: basicAuth('acme', 'key'), dispatcher: agent, ...overrides });
}

const customers = () => agent.get(ORIGIN).intercept({ path: '/raas/v2/customers', method: 'GET' });

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
});

afterEach(async () => {
  await agent.close();
});

describe('refusals carry the request id, so support can find the request', () => {
  // http.ts:276 (the redirect error without its request id)
  it('a redirect', async () => {
    customers().reply(302, '', { headers: { location: 'https://elsewhere.test/', 'x-request-id': 'req-302' } });
    const error = await client()
      .send(requests.listCustomers())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedAnswerError);
    expect(error).toMatchObject({ requestId: 'req-302', facts: { kind: 'redirect' } });
  });

  // http.ts:458 (the too-deep error without its request id)
  it('an answer nested too deep', async () => {
    customers().reply(200, `${'['.repeat(1000)}${']'.repeat(1000)}`, { headers: { 'x-request-id': 'req-deep' } });
    const error = await client()
      .send(requests.listCustomers())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ requestId: 'req-deep', facts: { kind: 'not-json' } });
  });
});

// http.ts:451 (text.trim() turned text): blank is empty, not "a body that is not JSON"
it.each([' ', '\n', '\r\n\t '])('a 2xx body of only white space (%j) is a success without a body', async (text) => {
  customers().reply(200, text);
  await expect(client().send(requests.listCustomers())).resolves.toMatchObject({ status: 200, body: undefined });
});

// http.ts:345 (the second Ctrl-C's words for a write turned on for a read): a read abandoned by the
// second Ctrl-C is simply abandoned; it changed nothing, so there is no "may have been applied"
it('a second Ctrl-C during a GET abandons it, without saying it may have been applied', async () => {
  const again = new AbortController();
  customers()
    .reply(() => {
      // The request has reached the server: the second Ctrl-C comes while it is in flight.
      again.abort();
      return { statusCode: 200, data: '[]' };
    })
    .delay(60_000);
  const error = await client({ abandon: again.signal })
    .send(requests.listCustomers())
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InterruptedError);
  expect((error as Error).message).toBe('Interrupted; the request in flight was abandoned.');
});

// http.ts:366 (the refused body not destroyed), 371 (the too-large error without its request id),
// 374 (the Content-Length check dropped or reading another header): refused from its headers, before
// any more of its body arrives, and its connection closed rather than left holding 10 MiB
it('an answer whose Content-Length is over the cap is refused at once, with its request id, its connection closed', async () => {
  let closed: Promise<void> | undefined;
  const server = createServer((request, response) => {
    closed = new Promise((resolve) => request.socket.once('close', () => resolve()));
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': String(10 * 1024 * 1024),
      'x-request-id': 'req-big',
    });
    // The first byte of 10 MiB; the rest never comes.
    response.write('[');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const own = new HttpClient({
    baseUrl: `http://127.0.0.1:${port}/raas/v2`,
    auth: basicAuth('acme', 'key'),
    maxBodyBytes: 1024,
    maxRetries: 0,
  });
  try {
    const error = await own.send(requests.listCustomers()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedAnswerError);
    expect(error).toMatchObject({ requestId: 'req-big', facts: { kind: 'too-large', limit: 1024 } });
    await closed;
  } finally {
    await own.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

// http.ts:515 (the deadline timer not cleared): a finished request leaves no timer running, which would
// hold the process open for --timeout after the command is done
it('leaves no timer running once a request is over, answered or failed', async () => {
  const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
  const before = timers();
  customers().reply(200, []);
  customers().reply(404, { message: 'gone' });
  await client({ timeoutMs: 60_000 }).send(requests.listCustomers());
  await client({ timeoutMs: 60_000 })
    .send(requests.listCustomers())
    .catch(() => {});
  expect(timers()).toBe(before);
});

// http.ts:524 (the waits' signal following only one of the two Ctrl-C signals) and 199 (listener
// warnings not turned off): 16 requests waiting at once to be retried, with both signals given, print no
// MaxListenersExceededWarning (a plain-text line on stderr, even under -o json); the second Ctrl-C alone
// ends every wait, and no listener is left behind
it('16 requests waiting to be retried print no listener warning; the second Ctrl-C ends every wait', async () => {
  const ctrlC = new AbortController();
  const again = new AbortController();
  customers().reply(503, { message: 'busy' }).times(16);
  let waiting = 0;
  let allWaiting!: () => void;
  const all = new Promise<void>((resolve) => {
    allWaiting = resolve;
  });
  const http = client({
    signal: ctrlC.signal,
    abandon: again.signal,
    backoff: { baseMs: 60_000 },
    random: () => 1,
    retries: {
      waiting: () => {
        waiting += 1;
        if (waiting === 16) allWaiting();
      },
      settled: () => {},
    },
  });

  const warnings = await warningsDuring(async () => {
    const sent = Array.from({ length: 16 }, () => http.send(requests.listCustomers()).catch((e: unknown) => e));
    // Every request is waiting out its 60 s backoff, each wait listening for Ctrl-C; then the second Ctrl-C.
    await all;
    again.abort();
    for (const outcome of await Promise.all(sent)) expect(outcome).toBeInstanceOf(InterruptedError);
  });

  expect(warnings).toEqual([]);
  expect(getEventListeners(ctrlC.signal, 'abort')).toHaveLength(0);
  expect(getEventListeners(again.signal, 'abort')).toHaveLength(0);
});
