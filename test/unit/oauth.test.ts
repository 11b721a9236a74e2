import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CachedToken, oauthClientCredentials } from '../../src/api/auth.js';
import { HttpClient } from '../../src/api/http.js';
import { requests } from '../../src/api/tango.js';
import { ExitCode } from '../../src/errors.js';

const API = 'https://api.test';
const AUTH = 'https://auth.test';

let agent: MockAgent;
let clock: number;
let tokenRequests: string[];
let stored: CachedToken | undefined;

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
function oauthHttp(): HttpClient {
  const auth = oauthClientCredentials({
    tokenUrl: `${AUTH}/oauth/token`,
    clientId: 'client-1',
    clientSecret: 'secret-1',
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

describe('OAuth client credentials', () => {
  it('fetches one token for several calls, concurrent ones included', async () => {
    const { http, seen } = setup();

    await Promise.all([http.send(requests.listCustomers()), http.send(requests.listCustomers())]);
    await http.send(requests.listCustomers());

    expect(tokenRequests).toHaveLength(1);
    expect(seen).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-1']);
    const form = new URLSearchParams(tokenRequests[0]);
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'client_credentials',
      client_id: 'client-1',
      client_secret: 'secret-1',
      scope: 'raas.all',
      audience: 'https://api.tangocard.com/',
    });
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
    stored = { accessToken: 'from-disk', expiresAt: clock + 600_000, renewAt: clock + 540_000, clientId: 'client-1' };
    const { http, seen } = setup();

    await http.send(requests.listCustomers());

    expect(tokenRequests).toHaveLength(0);
    expect(seen).toEqual(['Bearer from-disk']);
  });

  it('ignores a cached token of another client id', async () => {
    stored = { accessToken: 'other', expiresAt: clock + 600_000, renewAt: clock + 540_000, clientId: 'client-2' };
    const { http, seen } = setup();

    await http.send(requests.listCustomers());

    expect(seen).toEqual(['Bearer token-1']);
    expect(stored?.clientId).toBe('client-1');
  });

  it('renews once after a 401 (a token revoked early)', async () => {
    stored = { accessToken: 'revoked', expiresAt: clock + 600_000, renewAt: clock + 540_000, clientId: 'client-1' };
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

  it('a refused client is an authentication error (exit 4)', async () => {
    agent.get(AUTH).intercept({ path: '/oauth/token', method: 'POST' }).reply(401, '');
    const auth = oauthClientCredentials({
      tokenUrl: `${AUTH}/oauth/token`,
      clientId: 'client-1',
      clientSecret: 'wrong',
      cache: { load: () => undefined, save: () => {} },
      dispatcher: agent,
    });

    await expect(auth.authorization()).rejects.toMatchObject({ exitCode: ExitCode.auth });
  });
});
