/**
 * Facts below, words at the top: the API layer's errors carry status, attempts, Retry-After and
 * the limits in force; the hint naming a flag or a command is added where the error is printed.
 */
import { describe, expect, it } from 'vitest';
import { runInProcess, useOfflineWorld } from '../support/in-process.js';

const SANDBOX = 'https://integration-api.tangocard.com';
const SANDBOX_AUTH = 'https://sandbox-auth.tangocard.com';
const world = useOfflineWorld();

const basic = { TANGO_PLATFORM_NAME: 'acme', TANGO_PLATFORM_KEY: 'sk-test-0123456789' };

function tango(args: string[], env: Record<string, string>) {
  return runInProcess(args, {
    env: { TANGO_CONFIG_DIR: world.configDir(), NO_COLOR: '1', ...env },
    dispatcher: world.agent(),
  });
}

function busy(times = 1): void {
  world
    .agent()
    .get(SANDBOX)
    .intercept({ path: '/raas/v2/customers', method: 'GET' })
    .reply(429, { httpCode: 429, message: 'Too Many Requests' }, { headers: { 'retry-after': '2' } })
    .times(times);
}

describe('hints name the setting that was in force', () => {
  it('a 429 under --rate 5 says the server asked to wait, and to lower --rate from 5/s', async () => {
    busy();
    const result = await tango(['--rate', '5', '--max-retries', '0', 'customers', 'list'], basic);

    expect(result.code).toBe(6);
    expect(result.stderr).toContain(
      'Hint: the server is busy or unavailable; the server asked to wait 2 s; try again later, or lower --rate (it was 5/s)',
    );
  });

  it("at the sandbox's default pace, names it: 1/s", async () => {
    busy();
    const result = await tango(['--max-retries', '0', 'customers', 'list'], basic);

    expect(result.code).toBe(6);
    expect(result.stderr).toContain('or lower --rate (it was 1/s)');
  });

  it('with pacing turned off (--rate 0), suggests --rate 1', async () => {
    busy();
    const result = await tango(['--rate', '0', '--max-retries', '0', 'customers', 'list'], basic);

    expect(result.code).toBe(6);
    expect(result.stderr).toContain('or limit the pace with --rate 1');
  });

  const oauth = {
    TANGO_CLIENT_ID: 'client-1',
    TANGO_CLIENT_SECRET: 'secret-1',
    TANGO_USERNAME: 'svc-1',
    TANGO_PASSWORD: 'password-1',
  };

  it('an unreachable token endpoint points at --auth-url, not --base-url', async () => {
    world
      .agent()
      .get(SANDBOX_AUTH)
      .intercept({ path: '/oauth/token', method: 'POST' })
      .replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    const result = await tango(['customers', 'list'], oauth);

    expect(result.code).toBe(7);
    expect(result.stderr).toContain('Error: Could not reach the OAuth token endpoint sandbox-auth.tangocard.com');
    expect(result.stderr).toContain('tango auth login --auth-url <url>');
  });

  it('a refused OAuth service account is told which values to check and how to store others', async () => {
    world.agent().get(SANDBOX_AUTH).intercept({ path: '/oauth/token', method: 'POST' }).reply(401, '');
    const result = await tango(['customers', 'list'], { ...oauth, TANGO_PASSWORD: 'wrong' });

    expect(result.code).toBe(4);
    expect(result.stderr).toContain('Error: The OAuth token endpoint refused the token request (HTTP 401)');
    expect(result.stderr).toContain('service account:  svc-1');
    expect(result.stderr).toContain(
      "Hint: check the client secret and the service account's password, then the client id and username: tango auth login --client-id <id> --username <service account>",
    );
    expect(result.stderr).not.toContain('wrong');
  });

  it('a token request refused as malformed (400) points at the token URL and the audience', async () => {
    world.agent().get(SANDBOX_AUTH).intercept({ path: '/oauth/token', method: 'POST' }).reply(400, 'bad audience');
    const result = await tango(['customers', 'list'], oauth);

    expect(result.code).toBe(4);
    expect(result.stderr).toContain('(HTTP 400): bad audience');
    expect(result.stderr).toContain('Hint: check the token URL (--auth-url) and the audience (--audience 24h or 5m)');
  });

  it('a --base-url server without a token URL names --auth-url; half the OAuth variables name the rest', async () => {
    const noUrl = await tango(['--base-url', 'https://staging.example/raas/v2', 'customers', 'list'], oauth);
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toContain('No OAuth token URL for https://staging.example/raas/v2');
    expect(noUrl.stderr).toContain('--auth-url <url>');

    const half = await tango(['customers', 'list'], { TANGO_CLIENT_ID: 'client-1', TANGO_CLIENT_SECRET: 'secret-1' });
    expect(half.code).toBe(4);
    expect(half.stderr).toContain('TANGO_USERNAME, TANGO_PASSWORD not');
    expect(half.stderr).toContain('Hint: set all four');
  });

  it('a command that knows better keeps its own hint (auth status on a 401)', async () => {
    world
      .agent()
      .get(SANDBOX)
      .intercept({ path: '/raas/v2/customers?paginate=true&maxResults=1', method: 'GET' })
      .reply(401, { httpCode: 401, message: 'Unauthorized' });
    const result = await tango(['auth', 'status'], basic);

    expect(result.code).toBe(4);
    expect(result.stderr).toContain('Hint: store working ones with: tango auth login');
    expect(result.stderr).not.toContain('tango auth status');
  });
});
