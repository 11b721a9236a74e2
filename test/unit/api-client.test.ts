/**
 * The API client a command gets (src/api/client.ts): what TANGO_RETRY_BASE_MS and
 * TANGO_MAX_RESPONSE_MB change, and where an OAuth profile's token is kept between commands. Run
 * in-process against undici's MockAgent; each case names the mutant it kills (npm run mutation).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess, useOfflineWorld } from '../support/in-process.js';

const SANDBOX = 'https://integration-api.tangocard.com';
const SANDBOX_AUTH = 'https://sandbox-auth.tangocard.com';
const world = useOfflineWorld();
const credentials = { TANGO_PLATFORM_NAME: 'acme', TANGO_PLATFORM_KEY: 'sk-test-0123456789' };

function customersList(env: Record<string, string>, args: string[] = []) {
  return runInProcess(['--rate', '0', '--error-format', 'text', ...args, 'customers', 'list', '--json'], {
    env: { TANGO_CONFIG_DIR: world.configDir(), NO_COLOR: '1', ...credentials, ...env },
    dispatcher: world.agent(),
  });
}

/** The waits -v reports before each retry ("retrying in N ms after ..."), in ms. */
function waits(stderr: string): number[] {
  return [...stderr.matchAll(/retrying in (\S+) ms after/g)].map((match) => Number(match[1]));
}

describe('TANGO_RETRY_BASE_MS', () => {
  /** `customers list` answered 503 `failures` times, then with an empty list. */
  function after503s(failures: number, value: string | undefined) {
    const pool = world.agent().get(SANDBOX);
    pool.intercept({ path: '/raas/v2/customers', method: 'GET' }).reply(503, { message: 'busy' }).times(failures);
    pool.intercept({ path: '/raas/v2/customers', method: 'GET' }).reply(200, []);
    return customersList(value === undefined ? {} : { TANGO_RETRY_BASE_MS: value }, ['-v']);
  }

  it('0 makes every wait 0 ms (kills the check turned false and >= turned into >)', async () => {
    const result = await after503s(4, '0');

    expect(result.code).toBe(0);
    expect(waits(result.stderr)).toEqual([0, 0, 0, 0]);
  });

  it.each([
    ['unset', undefined],
    ['negative', '-5'],
    ['not a number', 'soon'],
  ])(
    '%s keeps the designed backoff: a whole number of ms up to 500 (kills the check turned true)',
    async (_, value) => {
      const result = await after503s(1, value);

      expect(result.code).toBe(0);
      const [wait] = waits(result.stderr);
      expect(Number.isInteger(wait)).toBe(true);
      expect(wait).toBeGreaterThanOrEqual(0);
      expect(wait).toBeLessThanOrEqual(500);
    },
  );
});

describe('TANGO_MAX_RESPONSE_MB', () => {
  const MIB = 1024 * 1024;

  /** `customers list` answered with a JSON list of `bytes` bytes. */
  function answeredWith(bytes: number, value: string) {
    const name = 'x'.repeat(bytes - '[{"customerIdentifier":"c1","displayName":""}]'.length);
    world
      .agent()
      .get(SANDBOX)
      .intercept({ path: '/raas/v2/customers', method: 'GET' })
      .reply(200, `[{"customerIdentifier":"c1","displayName":"${name}"}]`, {
        headers: { 'content-type': 'application/json' },
      });
    return customersList({ TANGO_MAX_RESPONSE_MB: value });
  }

  it.each(['0.99', '4096.5', '-1', 'lots', 'Infinity'])(
    '%s is refused naming the variable and the range, before any request (kills each part of the check)',
    async (value) => {
      const result = await customersList({ TANGO_MAX_RESPONSE_MB: value });

      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`TANGO_MAX_RESPONSE_MB: "${value}" must be a number of MiB from 1 to 4096`);
    },
  );

  it.each(['1', '4096'])(
    '%s, an end of the range, is accepted (kills < and > turned into <= and >=)',
    async (value) => {
      const result = await answeredWith(1000, value);

      expect(result.code).toBe(0);
    },
  );

  it('1 reads an answer of exactly 1 MiB and refuses one a byte longer, naming 1 MiB (kills the MiB arithmetic)', async () => {
    expect((await answeredWith(MIB, '1')).code).toBe(0);

    const refused = await answeredWith(MIB + 1, '1');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('with a body larger than 1 MiB');
  });
});

describe("an OAuth profile's token", () => {
  it('is stored in the profile and reused by the next command, not asked for again (kills the profile cache)', async () => {
    const login = await runInProcess(
      [
        '--env',
        'sandbox',
        'auth',
        'login',
        '--no-verify',
        '--client-id',
        'client-1',
        '--username',
        'svc',
        '--client-secret-stdin',
      ],
      { env: { TANGO_CONFIG_DIR: world.configDir() }, input: 'secret-1\npw-1\n' },
    );
    expect(login.code).toBe(0);
    let tokens = 0;
    world
      .agent()
      .get(SANDBOX_AUTH)
      .intercept({ path: '/oauth/token', method: 'POST' })
      .reply(200, () => {
        tokens += 1;
        return { access_token: `token-${tokens}`, token_type: 'Bearer', expires_in: 86400 };
      })
      .persist();
    const seen: string[] = [];
    world
      .agent()
      .get(SANDBOX)
      .intercept({ path: '/raas/v2/customers', method: 'GET' })
      .reply(200, (options) => {
        seen.push((options.headers as Record<string, string>).authorization ?? '');
        return [];
      })
      .persist();
    const list = () =>
      runInProcess(['--rate', '0', 'customers', 'list', '--json'], {
        env: { TANGO_CONFIG_DIR: world.configDir() },
        dispatcher: world.agent(),
      });

    expect((await list()).code).toBe(0);
    const profile = JSON.parse(readFileSync(join(world.configDir(), 'config.json'), 'utf8')).profiles.default;
    expect(profile.token).toMatchObject({ accessToken: 'token-1', clientId: 'client-1', username: 'svc' });
    expect((await list()).code).toBe(0);

    expect(tokens).toBe(1);
    expect(seen).toEqual(['Bearer token-1', 'Bearer token-1']);
  });
});

// Mutation survivor of src/api/client.ts: the User-Agent every request carries.
describe('the User-Agent', () => {
  it('names the tool and Node with their versions (kills the text emptied)', async () => {
    const { VERSION } = await import('../../src/version.js');
    let agent = '';
    world
      .agent()
      .get(SANDBOX)
      .intercept({ path: '/raas/v2/customers', method: 'GET' })
      .reply(200, (options) => {
        agent = (options.headers as Record<string, string>)['user-agent'] ?? '';
        return [];
      });

    expect((await customersList({})).code).toBe(0);
    expect(agent).toBe(`tango-admin/${VERSION} node/${process.versions.node}`);
  });
});
