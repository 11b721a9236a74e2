import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CachedToken, type OAuthOptions, oauthServiceAccount } from '../../src/api/auth.js';
import { HttpClient } from '../../src/api/http.js';
import { requests } from '../../src/api/tango.js';
import { ExitCode } from '../../src/errors.js';
import { hintFor } from '../../src/hints.js';
import { tokenRequestErrors } from '../support/openapi.js';

const SERVICE_ACCOUNT = {
  clientId: 'client-1',
  clientSecret: 'secret-1',
  username: 'svc-acme',
  password: 'pw-1',
  audience: 'https://api.tangocard.com/',
};
const OWNER = { clientId: 'client-1', username: 'svc-acme', audience: 'https://api.tangocard.com/' };

const API = 'https://api.test';
const AUTH = 'https://auth.test';

let agent: MockAgent;
let clock: number;
let tokenRequests: string[];
let stored: CachedToken | undefined;

/** The service account against the mock token endpoint, with a token cache that holds nothing. */
function uncachedServiceAccount(options: Partial<OAuthOptions> = {}) {
  return oauthServiceAccount({
    tokenUrl: `${AUTH}/oauth/token`,
    ...SERVICE_ACCOUNT,
    cache: { load: () => undefined, save: () => {} },
    dispatcher: agent,
    ...options,
  });
}

/**
 * A token endpoint that issues a fresh token at every request (counted in tokenRequests), and an API
 * path that always answers `status`; returns the Authorization header of each request it saw.
 */
function refusingApi(path: string, method: string, status: number, body: object): string[] {
  agent
    .get(AUTH)
    .intercept({ path: '/oauth/token', method: 'POST' })
    .reply(200, () => {
      tokenRequests.push('token');
      return { access_token: `fresh-${tokenRequests.length}`, expires_in: 3600 };
    })
    .persist();
  const seen: string[] = [];
  agent
    .get(API)
    .intercept({ path, method })
    .reply<object>((options) => {
      seen.push((options.headers as Record<string, string>).authorization ?? '');
      return { statusCode: status, data: body };
    })
    .persist();
  return seen;
}

function setup(expiresIn = 3600) {
  let issued = 0;
  agent
    .get(AUTH)
    .intercept({ path: '/oauth/token', method: 'POST' })
    .reply(200, (options) => {
      tokenRequests.push(String(options.body));
      issued += 1;
      return { access_token: `token-${issued}`, token_type: 'Bearer', expires_in: expiresIn, scope: 'raas.all' };
    })
    .persist();
  const seen: string[] = [];
  agent
    .get(API)
    .intercept({ path: '/raas/v2/customers', method: 'GET' })
    .reply(200, (options) => {
      seen.push((options.headers as Record<string, string>).authorization ?? '');
      return [];
    })
    .persist();
  return { http: oauthHttp(), seen };
}

/** An API client authenticating with OAuth against the mock token endpoint, caching in `stored`. */
function oauthHttp(options: Partial<OAuthOptions> = {}): HttpClient {
  const auth = oauthServiceAccount({
    tokenUrl: `${AUTH}/oauth/token`,
    ...SERVICE_ACCOUNT,
    ...options,
    cache: {
      load: () => stored,
      save: (token) => {
        stored = token;
      },
    },
    dispatcher: agent,
    now: () => clock,
  });
  return new HttpClient({ baseUrl: `${API}/raas/v2`, auth, dispatcher: agent, now: () => clock });
}

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
  clock = 1_000_000;
  tokenRequests = [];
  stored = undefined;
});

afterEach(async () => {
  await agent.close();
});

describe('OAuth service-account tokens', () => {
  it('fetches one token for several calls, concurrent ones included', async () => {
    const { http, seen } = setup();

    await Promise.all([http.send(requests.listCustomers()), http.send(requests.listCustomers())]);
    await http.send(requests.listCustomers());

    expect(tokenRequests).toHaveLength(1);
    expect(seen).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-1']);
    const form = Object.fromEntries(new URLSearchParams(tokenRequests[0]));
    expect(form).toEqual({
      client_id: 'client-1',
      client_secret: 'secret-1',
      username: 'svc-acme',
      password: 'pw-1',
      scope: 'raas.all',
      audience: 'https://api.tangocard.com/',
      grant_type: 'password',
    });
    // Exactly what tango-auth-openapi.json describes: every required field, no other.
    expect(tokenRequestErrors(form)).toEqual([]);
  });

  it('asks for the five-minute audience when told to, and the spec takes that request too', async () => {
    const { http } = setup(300);
    (http as unknown as { close(): Promise<void> }).close();
    const short = oauthHttp({ audience: 'tango-api.bhn.com/fiveminute' });

    await short.send(requests.listCustomers());

    const form = Object.fromEntries(new URLSearchParams(tokenRequests[0]));
    expect(form.audience).toBe('tango-api.bhn.com/fiveminute');
    expect(tokenRequestErrors(form)).toEqual([]);
    expect(stored).toMatchObject({ audience: 'tango-api.bhn.com/fiveminute', expiresAt: clock + 300_000 });
  });

  it('refreshes shortly before expiry, not after', async () => {
    const { http, seen } = setup(3600);

    await http.send(requests.listCustomers());
    clock += 3600_000 - 120_000; // two minutes before expiry: still good
    await http.send(requests.listCustomers());
    clock += 90_000; // thirty seconds before expiry: inside the renewal margin
    await http.send(requests.listCustomers());

    expect(tokenRequests).toHaveLength(2);
    expect(seen).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-2']);
  });

  it('reuses a cached token from an earlier run, and keeps the cache current', async () => {
    stored = { accessToken: 'from-disk', expiresAt: clock + 600_000, renewAt: clock + 540_000, ...OWNER };
    const { http, seen } = setup();

    await http.send(requests.listCustomers());

    expect(tokenRequests).toHaveLength(0);
    expect(seen).toEqual(['Bearer from-disk']);
  });

  it('ignores a cached token of another service account or audience', async () => {
    for (const other of [
      { username: 'svc-other' },
      { audience: 'tango-api.bhn.com/fiveminute' },
      { username: undefined },
    ]) {
      stored = { accessToken: 'other', expiresAt: clock + 600_000, renewAt: clock + 540_000, ...OWNER, ...other };
      tokenRequests = [];
      const { http, seen } = setup();
      await http.send(requests.listCustomers());
      expect(seen, JSON.stringify(other)).toEqual(['Bearer token-1']);
      await agent.close();
      agent = new MockAgent();
      agent.disableNetConnect();
    }
  });

  it('ignores a cached token of another client id', async () => {
    stored = {
      accessToken: 'other',
      expiresAt: clock + 600_000,
      renewAt: clock + 540_000,
      ...OWNER,
      clientId: 'client-2',
    };
    const { http, seen } = setup();

    await http.send(requests.listCustomers());

    expect(seen).toEqual(['Bearer token-1']);
    expect(stored?.clientId).toBe('client-1');
  });

  it('renews once after a 401 (a token revoked early)', async () => {
    stored = { accessToken: 'revoked', expiresAt: clock + 600_000, renewAt: clock + 540_000, ...OWNER };
    agent
      .get(AUTH)
      .intercept({ path: '/oauth/token', method: 'POST' })
      .reply(200, { access_token: 'fresh', expires_in: 3600 });
    const seen: string[] = [];
    agent
      .get(API)
      .intercept({ path: '/raas/v2/customers', method: 'GET' })
      .reply<object>((options) => {
        const header = (options.headers as Record<string, string>).authorization ?? '';
        seen.push(header);
        return header === 'Bearer fresh'
          ? { statusCode: 200, data: [] }
          : { statusCode: 401, data: { message: 'expired' } };
      })
      .times(2);
    const http = oauthHttp();

    await http.send(requests.listCustomers());

    expect(seen).toEqual(['Bearer revoked', 'Bearer fresh']);
    expect(stored?.accessToken).toBe('fresh');
  });

  it('a server that keeps answering 401 gets one renewal, then exit 4 (kills renewing and resending forever)', async () => {
    stored = { accessToken: 'revoked', expiresAt: clock + 600_000, renewAt: clock + 540_000, ...OWNER };
    const seen = refusingApi('/raas/v2/customers', 'GET', 401, { message: 'no' });

    const error = await oauthHttp()
      .send(requests.listCustomers())
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({ status: 401, exitCode: ExitCode.auth });
    expect(seen).toEqual(['Bearer revoked', 'Bearer fresh-1']);
    expect(tokenRequests).toHaveLength(1);
  });

  it.each([
    [401, 'Wrong username or password', "check the client secret and the service account's password"],
    [400, 'audience must be one of', 'check the token URL (--auth-url) and the audience'],
  ])(
    'a refused token request (%i, text/plain) exits 4 naming what to check, never a secret',
    async (status, text, hint) => {
      agent
        .get(AUTH)
        .intercept({ path: '/oauth/token', method: 'POST' })
        .reply(status, `${text}\u001b[31m`, { headers: { 'content-type': 'text/plain' } });
      const auth = uncachedServiceAccount();

      const error = await auth.authorization().catch((caught: unknown) => caught);

      expect(error).toMatchObject({ exitCode: ExitCode.auth, status });
      const shown = JSON.stringify(error, Object.getOwnPropertyNames(error));
      expect((error as Error).message).toBe(
        `The OAuth token endpoint refused the token request (HTTP ${status}): ${text}`,
      );
      expect(hintFor(error)).toContain(hint);
      expect((error as { details: string[] }).details).toEqual([
        'client id:        client-1',
        'service account:  svc-acme',
        'audience:         https://api.tangocard.com/',
        `token URL:        ${AUTH}/oauth/token`,
      ]);
      expect(shown).not.toContain('secret-1');
      expect(shown).not.toContain('pw-1');
    },
  );
});

// Mutation survivors of src/api/auth.ts (npm run mutation): the renewal instant itself.
describe('the renewal instant', () => {
  it('a token in memory is renewed at renewAt exactly, not a millisecond later (kills >= turned into >)', async () => {
    const { http, seen } = setup(3600);

    await http.send(requests.listCustomers());
    const renewAt = stored!.renewAt;
    clock = renewAt - 1;
    await http.send(requests.listCustomers());
    clock = renewAt;
    await http.send(requests.listCustomers());

    expect(seen).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-2']);
  });

  it.each([
    [-1, 'from-disk'],
    [0, 'token-1'],
  ])('a cached token at renewAt%+d ms is %s (kills the cache check and >= turned into >)', async (offset, used) => {
    stored = { accessToken: 'from-disk', expiresAt: clock + 600_000, renewAt: clock - offset, ...OWNER };
    const { seen } = setup(3600);

    expect(seen).toEqual([]);
    await oauthHttp().send(requests.listCustomers());

    expect(seen).toEqual([`Bearer ${used}`]);
  });
});

// Mutation survivor of src/api/http.ts: the 401 renewal condition turned always true.
describe('an answer other than 401', () => {
  it.each([
    [404, 'GET', requests.getCustomer('gone')],
    [409, 'POST', requests.createCustomer({ customerIdentifier: 'acme', displayName: 'Acme' })],
  ] as const)(
    'a %i to a %s is sent once and keeps the token (kills the 401 check turned always true)',
    async (status, method, spec) => {
      stored = { accessToken: 'kept', expiresAt: clock + 600_000, renewAt: clock + 540_000, ...OWNER };
      const seen = refusingApi(`/raas/v2${spec.path}`, method, status, { httpCode: status, message: 'no' });

      const error = await oauthHttp()
        .send(spec)
        .catch((caught: unknown) => caught);

      expect(error).toMatchObject({ status });
      expect(seen).toEqual(['Bearer kept']);
      expect(tokenRequests).toEqual([]);
      expect(stored?.accessToken).toBe('kept');
    },
  );
});

// Mutation survivors of src/api/auth.ts (no unit test reached them): the token request's trace line,
// an answer without a usable token, and a long refusal.
describe('the token endpoint', () => {
  function tokenAnswer(status: number, body: string) {
    agent
      .get(AUTH)
      .intercept({ path: '/oauth/token', method: 'POST' })
      .reply(status, body, { headers: { 'content-type': 'application/json' } });
    return uncachedServiceAccount({ now: () => clock });
  }

  it('the trace names the request, its status and the time it took (kills the line and - turned into +)', async () => {
    const trace: string[] = [];
    agent
      .get(AUTH)
      .intercept({ path: '/oauth/token', method: 'POST' })
      .reply(200, () => {
        clock += 25;
        return { access_token: 'token', expires_in: 3600 };
      });
    const auth = oauthServiceAccount({
      tokenUrl: `${AUTH}/oauth/token`,
      ...SERVICE_ACCOUNT,
      cache: { load: () => undefined, save: () => {} },
      dispatcher: agent,
      now: () => clock,
      trace: (line) => trace.push(line),
    });

    await auth.authorization();

    expect(trace).toEqual([`POST ${AUTH}/oauth/token -> 200 (25 ms, token request)`]);
  });

  it.each([
    ['a 500 with a token', 500, '{"access_token":"t","expires_in":3600}'],
    ['a 302 with a token', 302, '{"access_token":"t","expires_in":3600}'],
    ['a 200 that is not JSON', 200, '<html>'],
    ['a 200 without a token', 200, '{"expires_in":3600}'],
    ['a 200 whose token expires at once', 200, '{"access_token":"t","expires_in":0}'],
    ['a 200 whose lifetime is not a number', 200, '{"access_token":"t","expires_in":"soon"}'],
  ])('%s is exit 1 saying so, never a token (kills the status range and the body checks)', async (_, status, body) => {
    const error = await tokenAnswer(status, body)
      .authorization()
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({
      exitCode: ExitCode.error,
      message: `The OAuth token endpoint answered HTTP ${status} without a usable token`,
    });
  });

  it.each([
    [200, 'x'.repeat(200)],
    [201, `${'x'.repeat(199)}…`],
  ])(
    'a refusal of %i characters: over 200 is cut to 199 and an ellipsis (kills the cut and > turned into >=)',
    async (length, shown) => {
      const error = await tokenAnswer(401, 'x'.repeat(length))
        .authorization()
        .catch((caught: unknown) => caught);

      expect((error as Error).message).toBe(`The OAuth token endpoint refused the token request (HTTP 401): ${shown}`);
    },
  );
});

// Mutation survivors of src/api/auth.ts (npm run mutation at f6730e0): the token request's headers
// and timeouts, a 403 and a 300, the renewal margin of a short-lived token, a refusal's control characters.
describe('the token request, further', () => {
  function auth(options: Partial<OAuthOptions> = {}) {
    return uncachedServiceAccount({ now: () => clock, ...options });
  }

  it.each([
    ['given', 'tango-admin/1.2.3 node/v20', 'tango-admin/1.2.3 node/v20'],
    ['not given', undefined, 'tango-admin'],
  ])(
    'is a form, asks for JSON and names the tool, its user agent %s (kills the headers emptied)',
    async (_, given, sent) => {
      let headers: Record<string, string> = {};
      agent
        .get(AUTH)
        .intercept({ path: '/oauth/token', method: 'POST' })
        .reply(200, (options) => {
          headers = options.headers as Record<string, string>;
          return { access_token: 'token', expires_in: 3600 };
        });

      await auth({ userAgent: given }).authorization();

      expect(headers).toMatchObject({
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        'user-agent': sent,
      });
    },
  );

  it('a 403 is a refusal, exit 4, like 400 and 401 (kills the 403 check turned false)', async () => {
    agent.get(AUTH).intercept({ path: '/oauth/token', method: 'POST' }).reply(403, 'Forbidden');

    const error = await auth()
      .authorization()
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({ exitCode: ExitCode.auth, status: 403 });
    expect((error as Error).message).toBe('The OAuth token endpoint refused the token request (HTTP 403): Forbidden');
  });

  it('a 300 with a token is no token (kills >= 300 turned into > 300)', async () => {
    agent
      .get(AUTH)
      .intercept({ path: '/oauth/token', method: 'POST' })
      .reply(300, { access_token: 't', expires_in: 3600 });

    const error = await auth()
      .authorization()
      .catch((caught: unknown) => caught);

    expect((error as Error).message).toBe('The OAuth token endpoint answered HTTP 300 without a usable token');
  });

  it('a token living 60 s is renewed a tenth of its life early, at 54 s (kills / 10 turned into * 10)', async () => {
    let saved: CachedToken | undefined;
    agent
      .get(AUTH)
      .intercept({ path: '/oauth/token', method: 'POST' })
      .reply(200, { access_token: 'short', expires_in: 60 });

    const save = (token: CachedToken | undefined) => {
      saved = token;
    };
    await auth({ cache: { load: () => undefined, save } }).authorization();

    expect(saved).toMatchObject({ expiresAt: clock + 60_000, renewAt: clock + 54_000 });
  });

  it('a refusal with line breaks and tabs reads as one line, each run of them one space (kills the replace and its +)', async () => {
    agent
      .get(AUTH)
      .intercept({ path: '/oauth/token', method: 'POST' })
      .reply(401, 'Wrong\r\n\r\n\tpassword\u0000\u200b!', { headers: { 'content-type': 'text/plain' } });

    const error = await auth()
      .authorization()
      .catch((caught: unknown) => caught);

    expect((error as Error).message).toBe(
      'The OAuth token endpoint refused the token request (HTTP 401): Wrong password !',
    );
  });

  it.each([
    ['headers', 'UND_ERR_HEADERS_TIMEOUT'],
    ['body', 'UND_ERR_BODY_TIMEOUT'],
  ])(
    "--timeout bounds the wait for the token answer's %s too (kills the timeouts ignoring it)",
    async (stall, code) => {
      const { createServer } = await import('node:http');
      const server = createServer((_req, res) => {
        if (stall === 'body') res.writeHead(200, { 'content-type': 'application/json' }).write('{');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = server.address() as import('node:net').AddressInfo;
        const error = await auth({
          tokenUrl: `http://127.0.0.1:${port}/oauth/token`,
          dispatcher: undefined,
          timeoutMs: 300,
        })
          .authorization()
          .catch((caught: unknown) => caught);

        expect(error).toMatchObject({
          message: `Could not reach the OAuth token endpoint 127.0.0.1:${port} (${code})`,
          facts: { endpoint: 'token', code, timedOut: true },
        });
      } finally {
        server.closeAllConnections();
        server.close();
      }
    },
  );
});

// Mutation survivor of src/api/auth.ts at c4bb616: a refusal's surrounding spaces.
describe('a refusal padded with spaces and line breaks', () => {
  it('is shown without them (kills the trim dropped)', async () => {
    agent.get(AUTH).intercept({ path: '/oauth/token', method: 'POST' }).reply(403, '  \r\nForbidden \n');
    const auth = uncachedServiceAccount();

    const error = await auth.authorization().catch((caught: unknown) => caught);

    expect((error as Error).message).toBe('The OAuth token endpoint refused the token request (HTTP 403): Forbidden');
  });
});
