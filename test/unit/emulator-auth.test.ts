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
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, Json> };
}

const CLIENT_FORM = {
  grant_type: 'client_credentials',
  client_id: 'local-client',
  client_secret: 'local-secret',
  scope: 'raas.all',
  audience: 'https://api.tangocard.com/',
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

describe('OAuth client credentials and Bearer tokens', () => {
  it('issues a token the API accepts', async () => {
    const grant = await token(CLIENT_FORM);
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

  it('accepts client credentials as HTTP Basic, and the password grant with the platform name and key', async () => {
    const viaBasic = await token(
      { grant_type: 'client_credentials' },
      { authorization: basicAuth('local-client', 'local-secret') },
    );
    expect(viaBasic.status).toBe(200);
    const password = await token({
      ...CLIENT_FORM,
      grant_type: 'password',
      username: 'tango-local',
      password: 'local-key',
    });
    expect(password.status).toBe(200);
    const wrongPassword = await token({
      ...CLIENT_FORM,
      grant_type: 'password',
      username: 'tango-local',
      password: 'x',
    });
    expect(wrongPassword.body.error).toBe('invalid_grant');
  });

  it('gives five-minute tokens for the five-minute audience', async () => {
    const grant = await token({ ...CLIENT_FORM, audience: 'tango-api.bhn.com/fiveminute' });
    expect(grant.body.expires_in).toBe(60);
    const long = await startEmulator({});
    try {
      const response = await fetch(long.tokenUrl, {
        method: 'POST',
        body: new URLSearchParams({ ...CLIENT_FORM, audience: 'tango-api.bhn.com/fiveminute' }),
      });
      expect(((await response.json()) as { expires_in: number }).expires_in).toBe(300);
    } finally {
      await long.close();
    }
  });

  it('refuses an expired token with a 401 that says so', async () => {
    const grant = await token(CLIENT_FORM);
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
    const grant = await token(CLIENT_FORM);
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
    const grant = await token(CLIENT_FORM);
    const sibling = await startEmulator({ now: () => clock });
    try {
      const other = new EmulatorClient(sibling);
      const answer = await other.request('GET', '/customers', { authorization: `Bearer ${grant.body.access_token}` });
      expect(answer.status).toBe(200);
    } finally {
      await sibling.close();
    }
  });

  it.each<[string, Record<string, string>, number, string]>([
    ['a wrong secret', { ...CLIENT_FORM, client_secret: 'nope' }, 401, 'invalid_client'],
    ['no client', { grant_type: 'client_credentials' }, 401, 'invalid_client'],
    ['no grant type', { ...CLIENT_FORM, grant_type: '' }, 400, 'invalid_request'],
    ['another grant type', { ...CLIENT_FORM, grant_type: 'authorization_code' }, 400, 'unsupported_grant_type'],
    ['another scope', { ...CLIENT_FORM, scope: 'email' }, 400, 'invalid_scope'],
    ['another audience', { ...CLIENT_FORM, audience: 'https://example.com/' }, 400, 'invalid_request'],
  ])('token request with %s: %s %s', async (_name, form, status, error) => {
    const answer = await token(form);
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual({ error, error_description: expect.any(String) });
    expect(answer.headers.get('x-request-id')).toBeTruthy();
  });

  it('accepts a JSON token request as well', async () => {
    const response = await fetch(emulator.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(CLIENT_FORM),
    });
    expect(response.status).toBe(200);
  });
});
