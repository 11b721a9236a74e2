import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { runTango, tempConfigDir } from '../support/tango.js';

let emulator: RunningEmulator;
let config: { dir: string; cleanup: () => void };

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator.close());
beforeEach(() => {
  config = tempConfigDir();
  emulator.resetStats();
});
afterEach(() => config.cleanup());

const tango = (args: string[], options: { env?: Record<string, string>; input?: string } = {}) =>
  runTango(args, { configDir: config.dir, ...options, env: { TANGO_BASE_URL: emulator.baseUrl, ...options.env } });

const stored = () => JSON.parse(readFileSync(join(config.dir, 'config.json'), 'utf8')).profiles;
const count = (key: string) => emulator.stats().requests[key] ?? 0;

describe('auth login verifies before it stores', () => {
  it('good credentials are checked with GET /customers, then stored with the server', async () => {
    const result = await tango(['auth', 'login', '--platform-name', 'tango-local', '--platform-key-stdin'], {
      input: 'local-key',
    });

    expect(result.code).toBe(0);
    expect(result.stderr).toContain('verified and stored');
    expect(count('GET /raas/v2/customers 200')).toBe(1);
    expect(stored().default).toMatchObject({
      platformName: 'tango-local',
      platformKey: 'local-key',
      baseUrl: emulator.baseUrl,
    });
  });

  it('refused credentials exit 4 and leave the existing profile as it was', async () => {
    await tango(['auth', 'login', '--platform-name', 'tango-local', '--platform-key-stdin'], { input: 'local-key' });

    const result = await tango(['auth', 'login', '--platform-name', 'tango-local', '--platform-key-stdin'], {
      input: 'wrong-key',
    });

    expect(result.code).toBe(4);
    expect(result.stderr).toContain('refused these credentials');
    expect(result.stderr).toContain('nothing was stored');
    expect(result.stderr).toMatch(/Request ID: \S+/);
    expect(stored().default.platformKey).toBe('local-key');
  });
});

describe('auth status checks against the server', () => {
  it('exit 0 and "Verified yes" for working credentials', async () => {
    const result = await tango(['auth', 'status'], {
      env: { TANGO_PLATFORM_NAME: 'tango-local', TANGO_PLATFORM_KEY: 'local-key' },
    });

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Verified\s+yes/);
  });

  it('exit 4 when the server refuses them, and the key never appears', async () => {
    const result = await tango(['auth', 'status', '--json', '--verbose'], {
      env: { TANGO_PLATFORM_NAME: 'tango-local', TANGO_PLATFORM_KEY: 'revoked-key-1234' },
    });

    expect(result.code).toBe(4);
    expect(JSON.parse(result.stdout)).toMatchObject({ verified: false, platformKey: '****1234' });
    expect(result.stderr).toContain('GET http://127.0.0.1');
    expect(result.stdout + result.stderr).not.toContain('revoked-key-1234');
    expect(result.stdout + result.stderr).not.toContain(Buffer.from('tango-local:revoked-key-1234').toString('base64'));
  });
});

describe('OAuth: a client and its service account', () => {
  const secrets = (secret = 'local-secret', password = 'local-password') => `${secret}\n${password}\n`;
  const oauthLogin = (tokenUrl: string, extra: string[] = [], input = secrets()) =>
    tango(
      [
        'auth',
        'login',
        '--client-id',
        'local-client',
        '--username',
        'local-service-account',
        '--client-secret-stdin',
        '--auth-url',
        tokenUrl,
        ...extra,
      ],
      { input },
    );

  it('logs in with the documented password grant; both secrets are stored 0600 and shown masked', async () => {
    const result = await oauthLogin(emulator.tokenUrl);

    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('client local-client, service account local-service-account verified and stored');
    expect(count('POST /oauth/token 200')).toBe(1);
    expect(stored().default).toMatchObject({
      clientId: 'local-client',
      clientSecret: 'local-secret',
      username: 'local-service-account',
      password: 'local-password',
      audience: '24h',
      authUrl: emulator.tokenUrl,
    });
    const status = await tango(['auth', 'status', '--json', '--verbose']);
    expect(JSON.parse(status.stdout)).toMatchObject({
      authType: 'oauth',
      clientSecret: '****cret',
      password: '****word',
      username: 'local-service-account',
      audience: '24h',
    });
    expect(status.stdout + status.stderr).not.toMatch(/local-secret|local-password/);
  });

  it('one token serves every process of the profile, two at once included', async () => {
    expect((await oauthLogin(emulator.tokenUrl)).code).toBe(0);
    expect((await tango(['customers', 'list', '--json'])).code).toBe(0);
    const token = stored().default.token.accessToken;

    const both = await Promise.all([tango(['customers', 'list', '--json']), tango(['accounts', 'list', '--json'])]);

    for (const run of both) expect(run.code, run.stderr).toBe(0);
    // login verified with a token of its own; the first command fetched the one every later run reuses
    expect(count('POST /oauth/token 200')).toBe(2);
    expect(stored().default.token.accessToken).toBe(token);
  });

  it('the five-minute token is cached too, and renewed once it has expired', async () => {
    const shortLived = await startEmulator({ port: 0, tokenTtlSeconds: 1 });
    try {
      const env = { TANGO_BASE_URL: shortLived.baseUrl };
      expect((await oauthLogin(shortLived.tokenUrl, ['--audience', '5m'])).code).toBe(0);
      expect((await tango(['customers', 'list'], { env })).code).toBe(0);
      const cached = stored().default.token;
      expect(cached.audience).toBe('tango-api.bhn.com/fiveminute');

      await new Promise((resolve) => setTimeout(resolve, 1100));
      const later = await Promise.all([tango(['customers', 'list'], { env }), tango(['customers', 'list'], { env })]);

      for (const run of later) expect(run.code).toBe(0);
      expect(stored().default.token.accessToken).not.toBe(cached.accessToken);
      expect(shortLived.stats().requests['GET /raas/v2/customers 401'] ?? 0).toBe(0);
    } finally {
      await shortLived.close();
    }
  });

  it('a token the server has stopped taking is renewed once after the 401', async () => {
    let clock = Date.now();
    const drifting = await startEmulator({ port: 0, now: () => new Date(clock) });
    try {
      const env = { TANGO_BASE_URL: drifting.baseUrl };
      expect((await oauthLogin(drifting.tokenUrl)).code).toBe(0);
      expect((await tango(['customers', 'list'], { env })).code).toBe(0);
      clock += 2 * 86_400_000; // the server's clock moves past the token's expiry; ours does not

      const result = await tango(['customers', 'list'], { env });

      expect(result.code, result.stderr).toBe(0);
      expect(drifting.stats().requests['GET /raas/v2/customers 401']).toBe(1);
      expect(drifting.stats().requests['POST /oauth/token 200']).toBe(3);
    } finally {
      await drifting.close();
    }
  });

  it.each([
    [
      'a wrong client secret',
      secrets('wrong-secret'),
      'HTTP 401',
      "check the client secret and the service account's password",
    ],
    ['a wrong password', secrets('local-secret', 'wrong-password'), 'Wrong username or password', 'password'],
  ])('%s exits 4 naming what to check, stores nothing and shows no secret', async (_name, input, said, hint) => {
    const result = await oauthLogin(emulator.tokenUrl, [], input);

    expect(result.code).toBe(4);
    expect(result.stderr).toContain('The OAuth token endpoint refused the token request');
    expect(result.stderr).toContain(said);
    expect(result.stderr).toContain(hint);
    expect(result.stderr).toContain('service account:  local-service-account');
    expect(result.stderr).not.toMatch(/wrong-secret|wrong-password|local-secret|local-password/);
    expect(existsSync(join(config.dir, 'config.json'))).toBe(false);
  });

  it('stdin must hold both lines; without a terminal every missing flag is named', async () => {
    const oneLine = await oauthLogin(emulator.tokenUrl, [], 'local-secret\n');
    expect(oneLine.code).toBe(2);
    expect(oneLine.stderr).toContain("the service account's password missing");

    const bare = await tango(['auth', 'login', '--client-id', 'local-client']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('--username, --client-secret-stdin');
  });

  it('with --base-url and no auth URL, the token URL is not guessed: an error names --auth-url', async () => {
    const result = await tango(
      ['auth', 'login', '--client-id', 'local-client', '--username', 'local-service-account', '--client-secret-stdin'],
      { input: secrets() },
    );

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--auth-url');
    expect(count('POST /oauth/token 200')).toBe(0);
  });

  it('TANGO_CLIENT_ID, _SECRET, _USERNAME and _PASSWORD log a script in; half of them is an error naming the rest', async () => {
    expect((await tango(['config', 'set', 'auth-url', emulator.tokenUrl])).code).toBe(0);
    const env = {
      TANGO_CLIENT_ID: 'local-client',
      TANGO_CLIENT_SECRET: 'local-secret',
      TANGO_USERNAME: 'local-service-account',
      TANGO_PASSWORD: 'local-password',
    };

    expect((await tango(['customers', 'list'], { env })).code).toBe(0);
    const { TANGO_USERNAME: _u, TANGO_PASSWORD: _p, ...half } = env;
    const result = await tango(['customers', 'list'], { env: half });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('TANGO_USERNAME, TANGO_PASSWORD not');
  });
});

describe('profiles stored by an older tango', () => {
  const writeProfile = async (profile: Record<string, unknown>) => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(config.dir, { recursive: true });
    writeFileSync(join(config.dir, 'config.json'), JSON.stringify({ profiles: { default: profile } }), { mode: 0o600 });
  };

  it('a Basic profile keeps working', async () => {
    await writeProfile({ baseUrl: emulator.baseUrl, platformName: 'tango-local', platformKey: 'local-key' });
    expect((await tango(['customers', 'list'])).code).toBe(0);
  });

  it('an OAuth client-credentials profile is told to log in again, and nothing else in it is lost', async () => {
    const old = {
      baseUrl: emulator.baseUrl,
      authUrl: emulator.tokenUrl,
      clientId: 'local-client',
      clientSecret: 'local-secret',
      token: {
        accessToken: 'old',
        expiresAt: Date.now() + 3_600_000,
        renewAt: Date.now() + 3_000_000,
        clientId: 'local-client',
      },
      output: 'json',
      timeout: 12,
    };
    await writeProfile(old);

    const result = await tango(['customers', 'list']);

    expect(result.code).toBe(4);
    expect(result.stderr).toContain('stored by an older tango; log in again');
    expect(result.stderr).toContain(
      'tango auth login --client-id local-client --username <service account> --client-secret-stdin',
    );
    expect(count('POST /oauth/token 200') + count('GET /raas/v2/customers 200')).toBe(0);
    expect((await tango(['auth', 'status'])).code).toBe(4);
    expect(stored().default).toEqual(old);
  });
});
