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
      env: { TANGO_QUIET: '0' },
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

describe('OAuth client credentials', () => {
  const oauthLogin = (tokenUrl: string) =>
    tango(['auth', 'login', '--client-id', 'local-client', '--client-secret-stdin', '--auth-url', tokenUrl], {
      input: 'local-secret',
    });

  it('one token serves several separate runs', async () => {
    expect((await oauthLogin(emulator.tokenUrl)).code).toBe(0);
    const tokensAfterLogin = count('POST /oauth/token 200');

    for (let run = 0; run < 3; run++) expect((await tango(['auth', 'status'])).code).toBe(0);

    expect(tokensAfterLogin).toBe(1);
    // login verified with a token of its own without storing it; the first run fetched one and cached it
    expect(count('POST /oauth/token 200')).toBe(2);
    expect(stored().default.token.accessToken).toEqual(expect.any(String));
  });

  it('a new token is fetched once the cached one has expired', async () => {
    const shortLived = await startEmulator({ port: 0, tokenTtlSeconds: 1 });
    try {
      const env = { TANGO_BASE_URL: shortLived.baseUrl };
      expect((await oauthLogin(shortLived.tokenUrl)).code).toBe(0);
      expect((await tango(['auth', 'status'], { env })).code).toBe(0);
      const cached = stored().default.token.accessToken;

      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await tango(['auth', 'status'], { env })).code).toBe(0);

      expect(stored().default.token.accessToken).not.toBe(cached);
      expect(shortLived.stats().requests['GET /raas/v2/customers 401'] ?? 0).toBe(0);
    } finally {
      await shortLived.close();
    }
  });

  it('a wrong client secret is exit 4', async () => {
    const result = await tango(
      ['auth', 'login', '--client-id', 'local-client', '--client-secret-stdin', '--auth-url', emulator.tokenUrl],
      { input: 'wrong' },
    );

    expect(result.code).toBe(4);
    expect(existsSync(join(config.dir, 'config.json'))).toBe(false);
  });
});
