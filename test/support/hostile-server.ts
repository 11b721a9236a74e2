/**
 * A hostile or broken Tango, for the tests of what the CLI survives: a real HTTP server on a
 * random loopback port whose answers come from one of a few modes, switched per test. It records
 * every request (method, path, whether credentials came along), so a test can also prove what
 * never reached the server.
 *
 *   ansi         display names, identifiers, messages and field errors carrying ESC, CSI, OSC, CR and C1
 *   drip         200 with a body sent one byte per `dripMs`
 *   huge         200 with a body of `hugeBytes` (streamed, never held in memory here)
 *   endless      every page has a fresh nextCursor; `repeat` gives the same cursor again instead
 *   wrong-shape  200 with `shape` as the body (42, null, an object where a list belongs, ...)
 *   redirect     302 to `location`
 *   rate-limited 429 with Retry-After `retryAfter` for the first `times429` requests, then what `then` says
 *   lost-after-apply  a POST is applied and its connection destroyed; its retry meets 409; once something was
 *                created, GETs answer 500 (`afterLost: 'fail'`) or what was created (`'ok'`)
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { tempConfigDir } from './tango.js';

/** ESC sequences a terminal would act on: window title (OSC), clear screen (CSI), CR overwrite, C1 CSI. */
export const HOSTILE_TEXT = 'Evil\x1b]0;pwned\x07\x1b[2J\rName\x9b31m';

export type HostileMode =
  | { kind: 'ansi' }
  | { kind: 'drip'; dripMs?: number; bytes?: number }
  | { kind: 'huge'; hugeBytes: number; contentLength?: boolean }
  | { kind: 'endless'; repeat?: boolean }
  | { kind: 'wrong-shape'; shape: unknown }
  | { kind: 'redirect'; location: string }
  | { kind: 'rate-limited'; retryAfter: string; times429: number }
  | { kind: 'lost-after-apply'; afterLost: 'fail' | 'ok' };

export interface SeenRequest {
  method: string;
  path: string;
  authorized: boolean;
}

export interface HostileServer {
  baseUrl: string;
  setMode(mode: HostileMode): void;
  requests: SeenRequest[];
  close(): Promise<void>;
}

const CUSTOMER = { customerIdentifier: 'hostile-customer', displayName: 'Hostile customer', accounts: [] };

export function account(identifier: string, displayName = 'Some account') {
  return {
    accountIdentifier: identifier,
    accountNumber: 'A11111111',
    displayName,
    currencyCode: 'USD',
    currentBalance: 0,
    createdAt: '2025-01-01T00:00:00.000Z',
    status: 'ACTIVE',
    contactEmail: 'ops@example.com',
    fundingNotification: [],
  };
}

export async function startHostileServer(initial: HostileMode = { kind: 'ansi' }): Promise<HostileServer> {
  let mode = initial;
  let served = 0;
  const created = new Map<string, unknown>();
  const requests: SeenRequest[] = [];
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ method: request.method ?? 'GET', path, authorized: Boolean(request.headers.authorization) });
    served += 1;
    readBody(request).then((body) => answer(mode, served, request, response, body, created));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/raas/v2`,
    setMode: (next) => {
      // Switching from failing reads to working ones keeps what was created: that is the point.
      if (next.kind !== 'lost-after-apply' || mode.kind !== 'lost-after-apply') created.clear();
      mode = next;
      served = 0;
    },
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    request.setEncoding('utf8').on('data', (chunk) => {
      text += chunk;
    });
    request.on('end', () => resolve(text));
  });
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'req-hostile-1', ...headers });
  response.end(JSON.stringify(body));
}

function answer(
  mode: HostileMode,
  served: number,
  request: IncomingMessage,
  response: ServerResponse,
  body: string,
  created: Map<string, unknown>,
) {
  const path = request.url ?? '/';
  switch (mode.kind) {
    case 'ansi':
      return ansi(request, response);
    case 'drip':
      return drip(response, mode.dripMs ?? 1000, mode.bytes ?? 60);
    case 'huge':
      return huge(response, mode.hugeBytes, mode.contentLength ?? true);
    case 'endless': {
      const cursor = mode.repeat ? 'the-same-cursor' : `cursor-${served}`;
      return json(response, 200, {
        numberOfElements: 1,
        maxResults: 1,
        items: [account(`acct-${String(served).padStart(5, '0')}`)],
        prevPageAvailable: served > 1,
        nextPageAvailable: true,
        nextCursor: cursor,
      });
    }
    case 'wrong-shape':
      return json(response, 200, mode.shape);
    case 'redirect':
      response.writeHead(302, { location: mode.location });
      return void response.end();
    case 'rate-limited':
      if (served <= mode.times429) {
        return json(response, 429, { httpCode: 429, message: 'Too Many Requests' }, { 'retry-after': mode.retryAfter });
      }
      return json(response, 200, path.includes('/accounts') ? [] : [CUSTOMER]);
    case 'lost-after-apply':
      return lostAfterApply(mode, request, response, body, created);
  }
}

function ansi(request: IncomingMessage, response: ServerResponse) {
  const path = request.url ?? '/';
  if (request.method === 'POST' || path.includes('nosuch')) {
    return json(response, 400, {
      httpCode: 400,
      requestId: 'req-hostile-400',
      message: `Refused: ${HOSTILE_TEXT}`,
      errors: [{ path: 'displayName', message: `bad ${HOSTILE_TEXT}`, invalidValue: HOSTILE_TEXT }],
    });
  }
  if (/\/accounts\/[^/?]+/.test(path)) return json(response, 200, account('hostile-acct', HOSTILE_TEXT));
  if (path.includes('/accounts')) return json(response, 200, [account('hostile-acct', HOSTILE_TEXT)]);
  if (/\/customers\/[^/?]+/.test(path)) return json(response, 200, { ...CUSTOMER, displayName: HOSTILE_TEXT });
  return json(response, 200, [{ ...CUSTOMER, displayName: HOSTILE_TEXT }]);
}

function drip(response: ServerResponse, everyMs: number, bytes: number) {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.write('[');
  let sent = 1;
  const timer = setInterval(() => {
    if (response.destroyed || sent >= bytes) {
      clearInterval(timer);
      if (!response.destroyed) response.end(']');
      return;
    }
    response.write(' ');
    sent += 1;
  }, everyMs);
  response.on('close', () => clearInterval(timer));
}

function huge(response: ServerResponse, total: number, contentLength: boolean) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (contentLength) headers['content-length'] = String(total);
  response.writeHead(200, headers);
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let left = total;
  const pump = () => {
    while (left > 0 && !response.destroyed) {
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= piece.length;
      if (!response.write(piece)) return void response.once('drain', pump);
    }
    if (!response.destroyed) response.end();
  };
  pump();
}

function lostAfterApply(
  mode: Extract<HostileMode, { kind: 'lost-after-apply' }>,
  request: IncomingMessage,
  response: ServerResponse,
  body: string,
  created: Map<string, unknown>,
) {
  const path = request.url ?? '/';
  if (request.method === 'POST') {
    const sent = JSON.parse(body || '{}') as { accountIdentifier?: string };
    const id = sent.accountIdentifier ?? 'unknown';
    if (created.has(id)) return json(response, 409, { httpCode: 409, message: `Account ${id} already exists` });
    created.set(id, { ...account(id), ...sent });
    // Applied, and the answer lost.
    return void request.socket.destroy();
  }
  // The lookup before anything was created still works; reading back what was created does not.
  if (mode.afterLost === 'fail' && created.size > 0) {
    return json(response, 500, { httpCode: 500, requestId: 'req-hostile-500', message: 'Internal error' });
  }
  if (/\/accounts\/[^/?]+/.test(path)) {
    const id = decodeURIComponent(path.split('/').at(-1) ?? '');
    const found = created.get(id);
    return found ? json(response, 200, found) : json(response, 404, { httpCode: 404, message: 'not found' });
  }
  if (path.includes('/accounts')) return json(response, 200, [...created.values()]);
  return json(response, 200, { ...CUSTOMER, accounts: [...created.values()] });
}

/** A hostile server and a temporary config folder, shared by the tests of one file. */
export function useHostileWorld(): { server: HostileServer; config: { dir: string; cleanup: () => void } } {
  const world = {} as ReturnType<typeof useHostileWorld>;
  beforeAll(async () => {
    world.server = await startHostileServer();
    world.config = tempConfigDir();
  });
  afterAll(async () => {
    await world.server.close();
    world.config.cleanup();
  });
  return world;
}
