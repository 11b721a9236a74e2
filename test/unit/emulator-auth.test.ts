/** Basic auth, the OAuth token endpoint and Bearer tokens, including expiry. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_DEFAULT_CREDENTIALS, type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { basicAuth, EmulatorClient, type Json } from '../support/emulator-client.js';

let clock = new Date('2025-06-01T00:00:00Z');
let emulator: RunningEmulator;
let client: EmulatorClient;

beforeAll(async () => {
  emulator = await startEmulator({ tokenTtlSeconds: 60, now: () => clock });
  client = new EmulatorClient(emulator);
});
afterAll(() => emulator.close());

async function token(form: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(emulator.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
  const text = await response.text();
  const json = response.headers.get('content-type')?.startsWith('application/json');
  return { status: response.status, headers: response.headers, text, body: (json ? JSON.parse(text) : {}) as Json };
}

/** Exactly the documented request: every field, the password grant, the 24-hour audience. */
const SERVICE_ACCOUNT_FORM = {
  client_id: 'local-client',
  client_secret: 'local-secret',
  username: 'local-service-account',
  password: 'local-password',
  scope: 'raas.all',
  audience: 'https://api.tangocard.com/',
  grant_type: 'password',
};

describe('HTTP Basic', () => {
  it('accepts the default platform name and key', async () => {
    expect(emulator.credentials).toEqual({ platformName: 'tango-local', platformKey: 'local-key' });
    expect(EMULATOR_DEFAULT_CREDENTIALS).toEqual(emulator.credentials);
    expect((await client.get('/customers')).status).toBe(200);
  });

  it.each([
    ['no credentials', null, 'Authentication is required'],
    ['a wrong key', basicAuth('tango-local', 'wrong-key'), 'not valid'],
    ['a wrong name', basicAuth('someone-else', 'local-key'), 'not valid'],
    ['garbage', 'Basic %%%', 'not valid'],
    ['another scheme', 'Digest abc', 'Authentication is required'],
  ])('401 with the ErrorInfo body for %s', async (_name, authorization, message) => {
    const answer = await client.request('GET', '/customers', { authorization });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toContain('Basic');
    expect(answer.body).toMatchObject({
      httpCode: 401,
      httpPhrase: 'Unauthorized',
      i18nKey: 'error.unauthorized',
      path: '/raas/v2/customers',
      errors: [],
      requestId: answer.headers.get('x-request-id'),
    });
    expect(answer.body.message).toContain(message);
    expect(Number.isNaN(Date.parse(answer.body.timestamp))).toBe(false);
  });

  it('honours custom credentials', async () => {
    const custom = await startEmulator({ credentials: { platformName: 'acme-platform', platformKey: 's3cret' } });
    try {
      const other = new EmulatorClient(custom);
      expect((await other.get('/customers')).status).toBe(200);
      expect(
        (await other.request('GET', '/customers', { authorization: basicAuth('tango-local', 'local-key') })).status,
      ).toBe(401);
    } finally {
      await custom.close();
    }
  });
});

describe('OAuth service-account tokens and Bearer tokens', () => {
  it('issues a token the API accepts for exactly the documented request', async () => {
    const grant = await token(SERVICE_ACCOUNT_FORM);
    expect(grant.status).toBe(200);
    expect(grant.headers.get('cache-control')).toBe('no-store');
    expect(grant.body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 60,
      scope: 'raas.all',
    });
    const answer = await client.request('GET', '/customers', { authorization: `Bearer ${grant.body.access_token}` });
    expect(answer.status).toBe(200);
  });

  it('the five-minute audience gets 300 s, the 24-hour one a day (each capped by --token-ttl)', async () => {
    const short = await token({ ...SERVICE_ACCOUNT_FORM, audience: 'tango-api.bhn.com/fiveminute' });
    expect(short.body.expires_in).toBe(60);
    const untouched = await startEmulator({});
    try {
      const ask = async (audience: string) => {
        const response = await fetch(untouched.tokenUrl, {
          method: 'POST',
          body: new URLSearchParams({ ...SERVICE_ACCOUNT_FORM, audience }),
        });
        return ((await response.json()) as { expires_in: number }).expires_in;
      };
      expect(await ask('tango-api.bhn.com/fiveminute')).toBe(300);
      expect(await ask('https://api.tangocard.com/')).toBe(86_400);
    } finally {
      await untouched.close();
    }
  });

  it('refuses an expired token with a 401 that says so', async () => {
    const grant = await token(SERVICE_ACCOUNT_FORM);
    const saved = clock;
    clock = new Date(clock.getTime() + 61_000);
    try {
      const answer = await client.request('GET', '/customers', { authorization: `Bearer ${grant.body.access_token}` });
      expect(answer.status).toBe(401);
      expect(answer.body.message).toContain('expired');
    } finally {
      clock = saved;
    }
  });

  it('refuses forged and foreign tokens', async () => {
    const grant = await token(SERVICE_ACCOUNT_FORM);
    const [header, payload] = grant.body.access_token.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(43)}`;
    expect((await client.request('GET', '/customers', { authorization: `Bearer ${forged}` })).status).toBe(401);
    expect((await client.request('GET', '/customers', { authorization: 'Bearer not-a-token' })).status).toBe(401);
    const foreign = await startEmulator({ oauthClient: { clientId: 'local-client', clientSecret: 'other-secret' } });
    try {
      const other = new EmulatorClient(foreign);
      const answer = await other.request('GET', '/customers', { authorization: `Bearer ${grant.body.access_token}` });
      expect(answer.status).toBe(401);
    } finally {
      await foreign.close();
    }
  });

  it('accepts a token from another emulator with the same client (each CLI process runs its own)', async () => {
    const grant = await token(SERVICE_ACCOUNT_FORM);
    const sibling = await startEmulator({ now: () => clock });
    try {
      const other = new EmulatorClient(sibling);
      const answer = await other.request('GET', '/customers', { authorization: `Bearer ${grant.body.access_token}` });
      expect(answer.status).toBe(200);
    } finally {
      await sibling.close();
    }
  });

  const { grant_type: _grant, ...withoutGrant } = SERVICE_ACCOUNT_FORM;
  const { username: _user, ...withoutUsername } = SERVICE_ACCOUNT_FORM;
  const { audience: _audience, ...withoutAudience } = SERVICE_ACCOUNT_FORM;
  it.each<[string, Record<string, string>, number, string]>([
    ['a wrong client secret', { ...SERVICE_ACCOUNT_FORM, client_secret: 'nope' }, 401, 'client_secret'],
    ['an unknown client', { ...SERVICE_ACCOUNT_FORM, client_id: 'nobody' }, 401, 'client_id'],
    ['a wrong service-account password', { ...SERVICE_ACCOUNT_FORM, password: 'nope' }, 401, 'username or password'],
    ['another username', { ...SERVICE_ACCOUNT_FORM, username: 'tango-local' }, 401, 'username or password'],
    ['the client-credentials grant', { ...SERVICE_ACCOUNT_FORM, grant_type: 'client_credentials' }, 400, 'password'],
    ['no grant type', withoutGrant, 400, 'Missing grant_type'],
    ['no username', withoutUsername, 400, 'Missing username'],
    ['no audience', withoutAudience, 400, 'Missing audience'],
    ['an empty password', { ...SERVICE_ACCOUNT_FORM, password: '' }, 400, 'Missing password'],
    ['another scope', { ...SERVICE_ACCOUNT_FORM, scope: 'raas.all email' }, 400, 'scope must be raas.all'],
    ['another audience', { ...SERVICE_ACCOUNT_FORM, audience: 'https://example.com/' }, 400, 'audience must be'],
    ['a field the spec does not have', { ...SERVICE_ACCOUNT_FORM, client_assertion: 'x' }, 400, 'client_assertion'],
  ])('token request with %s: %s, text/plain', async (_name, form, status, text) => {
    const answer = await token(form);
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(answer.text).toContain(text);
    expect(answer.headers.get('x-request-id')).toBeTruthy();
  });

  it('refuses a JSON body, and the client as HTTP Basic instead of form fields', async () => {
    const json = await fetch(emulator.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(SERVICE_ACCOUNT_FORM),
    });
    expect(json.status).toBe(400);
    expect(await json.text()).toContain('application/x-www-form-urlencoded');
    const { client_id: _id, client_secret: _secret, ...rest } = SERVICE_ACCOUNT_FORM;
    const basic = await token(rest, { authorization: basicAuth('local-client', 'local-secret') });
    expect(basic.status).toBe(400);
    expect(basic.text).toContain('Missing client_id, client_secret');
  });

  it('the same field twice is refused', async () => {
    const body = `${new URLSearchParams(SERVICE_ACCOUNT_FORM)}&scope=raas.all`;
    const response = await fetch(emulator.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('Repeated scope');
  });
});
