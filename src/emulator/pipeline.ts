/**
 * What happens to every request, in order: a request id; the route; for everything but the
 * control routes the faults (a drop before handling, latency, 429, 503); the body; credentials
 * for API routes; the handler; a drop after handling (the change stays, the answer is lost); the
 * answer; one log line and one count. Any error becomes an ErrorInfo body with the same request id
 * as the x-request-id header; nothing a client sends can produce a stack trace.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate, type PlatformCredentials } from './auth.js';
import type { Faults } from './faults.js';
import { DataFileError } from './file-store.js';
import { errorInfo, HttpProblem } from './problems.js';
import { matchRoute, type Reply, type Route, type RouteMatch } from './router.js';
import type { StatsCounter } from './stats.js';
import type { Store } from './store.js';
import type { TokenIssuer } from './tokens.js';

export interface PipelineDependencies {
  routes: readonly Route[];
  store: Store;
  faults: Faults;
  stats: StatsCounter;
  tokens: TokenIssuer;
  credentials: PlatformCredentials;
  now: () => Date;
  log: ((line: string) => void) | undefined;
}

const MAX_BODY_BYTES = 1024 * 1024;

export function createRequestListener(deps: PipelineDependencies) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    handle(request, response, deps).catch((error: unknown) => {
      // Only reached if sending itself failed (the client went away): nothing left to tell anyone.
      deps.log?.(`emulator: could not answer ${request.method} ${request.url}: ${(error as Error).message}`);
      response.destroy();
    });
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, deps: PipelineDependencies) {
  const started = performance.now();
  const requestId = randomUUID();
  const method = request.method ?? 'GET';
  const url = parseRequestUrl(request.url);
  response.setHeader('x-request-id', requestId);
  let match: RouteMatch | HttpProblem;
  try {
    match = matchRoute(deps.routes, method, url.pathname);
  } catch (error) {
    match = error as HttpProblem;
  }
  const route = match instanceof HttpProblem ? undefined : match.route;
  const finish = (outcome: number | 'dropped', note = '') => {
    // The stats describe what clients did; the test's own control calls would only blur them.
    if (route?.kind !== 'control') deps.stats.count(method, route?.template ?? '(unmatched)', outcome);
    const ms = Math.round(performance.now() - started);
    deps.log?.(`${method} ${url.pathname}${url.search} ${outcome} ${ms}ms ${requestId}${note}`);
  };

  const faulty = route?.kind !== 'control';
  const drop = faulty ? deps.faults.drop() : undefined;
  if (drop === 'before') {
    request.socket.destroy();
    return finish('dropped', ' (connection dropped before handling)');
  }
  if (faulty) await deps.faults.delay();
  const reply = await answer(request, url, match, faulty, deps).catch((error: unknown) =>
    problemReply(error, requestId, url.pathname, deps),
  );
  if (drop === 'after') {
    request.socket.destroy();
    return finish('dropped', ' (handled, then the connection was dropped)');
  }
  send(response, reply);
  finish(reply.status);
}

/** A request line the URL parser refuses is answered as an unknown path, not with a crash. */
function parseRequestUrl(target: string | undefined): URL {
  try {
    return new URL(target ?? '/', 'http://emulator.invalid');
  } catch {
    return new URL('http://emulator.invalid/(unparseable)');
  }
}

async function answer(
  request: IncomingMessage,
  url: URL,
  match: RouteMatch | HttpProblem,
  faulty: boolean,
  deps: PipelineDependencies,
): Promise<Reply> {
  if (faulty) injectFailure(deps);
  if (match instanceof HttpProblem) throw match;
  const rawBody = await readBody(request);
  if (match.route.kind === 'api') authenticate(request.headers.authorization, deps.credentials, deps.tokens);
  return match.route.handler({
    params: match.params,
    query: url.searchParams,
    headers: request.headers,
    rawBody,
    store: deps.store,
    now: deps.now,
  });
}

/** The 429 and 503 faults, thrown as the API would answer them. */
function injectFailure(deps: PipelineDependencies): void {
  const retryAfter = deps.faults.rateLimited();
  if (retryAfter !== undefined) {
    deps.stats.fault('rateLimited');
    const limit = deps.faults.current().rateLimit;
    throw new HttpProblem(429, 'error.rateLimited', `Too many requests: at most ${limit} per second`, {
      headers: { 'retry-after': String(retryAfter) },
    });
  }
  if (deps.faults.fail()) {
    deps.stats.fault('failed');
    throw new HttpProblem(503, 'error.serviceUnavailable', 'The service is temporarily unavailable; try again');
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      throw new HttpProblem(413, 'error.payloadTooLarge', `The request body is larger than ${MAX_BODY_BYTES} bytes`, {
        headers: { connection: 'close' },
      });
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function problemReply(error: unknown, requestId: string, path: string, deps: PipelineDependencies): Reply {
  const problem = error instanceof HttpProblem ? error : internalProblem(error, deps);
  return {
    status: problem.status,
    body: errorInfo(problem, requestId, path, deps.now()),
    headers: problem.headers,
  };
}

function internalProblem(error: unknown, deps: PipelineDependencies): HttpProblem {
  const detail = error instanceof Error ? error.message : String(error);
  if (!(error instanceof DataFileError)) deps.log?.(`emulator: internal error: ${(error as Error)?.stack ?? detail}`);
  return new HttpProblem(500, 'error.internal', `The emulator failed: ${detail}`);
}

function send(response: ServerResponse, reply: Reply): void {
  for (const [name, value] of Object.entries(reply.headers ?? {})) response.setHeader(name, value);
  if (reply.body === undefined) {
    response.writeHead(reply.status).end();
    return;
  }
  // The token endpoint's refusals are text/plain, as its spec says; everything else is JSON.
  const plain = typeof reply.body === 'string' && String(reply.headers?.['content-type']).startsWith('text/');
  const text = plain ? (reply.body as string) : JSON.stringify(reply.body);
  response
    .writeHead(reply.status, {
      'content-type': plain ? String(reply.headers!['content-type']) : 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    })
    .end(text);
}
