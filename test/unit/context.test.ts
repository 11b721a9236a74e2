/**
 * The Context is the only door: commands run in-process here with fake streams, a scripted
 * Prompter and undici's MockAgent, and nothing reaches the real terminal or network.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runInProcess, useOfflineWorld } from '../support/in-process.js';
import { choose, type Step, screenShows, scriptedPrompter, type } from '../support/prompter.js';

const SANDBOX = 'https://integration-api.tangocard.com';
const ESCAPE = '\u001b[';
const world = useOfflineWorld();

const credentials = { TANGO_PLATFORM_NAME: 'acme', TANGO_PLATFORM_KEY: 'sk-test-0123456789' };

/** `customers get nosuch` against a MockAgent answering 404, with FORCE_COLOR set. */
function getMissingCustomer(args: string[]) {
  world
    .agent()
    .get(SANDBOX)
    .intercept({ path: '/raas/v2/customers/nosuch', method: 'GET' })
    .reply(404, { httpCode: 404, message: 'Customer not found', requestId: 'req-404' });
  return runInProcess(args, {
    env: { TANGO_CONFIG_DIR: world.configDir(), FORCE_COLOR: '1', ...credentials },
    dispatcher: world.agent(),
  });
}

describe('colour', () => {
  it('--no-color beats FORCE_COLOR in error messages too', async () => {
    const result = await getMissingCustomer(['--no-color', 'customers', 'get', 'nosuch']);

    expect(result.code).toBe(3);
    expect(result.stderr).toContain('Error: customer nosuch not found');
    expect(result.stderr).not.toContain(ESCAPE);
  });

  it('--no-color after the command counts the same', async () => {
    const result = await getMissingCustomer(['customers', 'get', 'nosuch', '--no-color']);

    expect(result.code).toBe(3);
    expect(result.stderr).not.toContain(ESCAPE);
  });

  it('without the flag, FORCE_COLOR colours the error on a pipe', async () => {
    const result = await getMissingCustomer(['customers', 'get', 'nosuch']);

    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`${ESCAPE}31mError: customer nosuch not found`);
  });
});

describe('auth login at a terminal, through the Prompter', () => {
  it('asks Basic or OAuth, the name, the key hidden, and the environment; verifies; then stores', async () => {
    world
      .agent()
      .get(SANDBOX)
      .intercept({ path: '/raas/v2/customers?paginate=true&maxResults=1', method: 'GET' })
      .reply(200, { items: [], nextPageAvailable: false, prevPageAvailable: false });
    const prompter = scriptedPrompter([choose('basic'), type('acme'), type('sk-live-secret-key'), choose('sandbox')]);
    const result = await runInProcess(['auth', 'login'], {
      env: { TANGO_CONFIG_DIR: world.configDir() },
      tty: { stdin: true, stdout: true, stderr: true },
      prompter,
      dispatcher: world.agent(),
    });

    expect(result.code).toBe(0);
    expect(prompter.asked.map((q) => [q.kind, q.message])).toEqual([
      ['select', 'How does this platform sign in?'],
      ['input', 'Platform name'],
      ['password', 'Platform key'],
      ['select', 'Environment'],
    ]);
    expect(prompter.screens[2]).not.toContain('sk-live-secret-key');
    expect(result.stderr).toContain('Credentials for acme verified and stored in profile "default"');
    const stored = JSON.parse(readFileSync(join(world.configDir(), 'config.json'), 'utf8'));
    expect(stored.profiles.default).toMatchObject({
      env: 'sandbox',
      platformName: 'acme',
      platformKey: 'sk-live-secret-key',
    });
    world.agent().assertNoPendingInterceptors();
  });

  it('an empty name is refused at the prompt, and asked again', async () => {
    const emptyThenName: Step = async (prompt, asked) => {
      prompt.events.keypress('enter');
      await screenShows(prompt, '--platform-name cannot be empty');
      await type('acme')(prompt, asked);
    };
    const prompter = scriptedPrompter([choose('basic'), emptyThenName, type('key-1234567890'), choose('production')]);
    const result = await runInProcess(['auth', 'login', '--no-verify'], {
      env: { TANGO_CONFIG_DIR: world.configDir() },
      tty: { stdin: true, stdout: true, stderr: true },
      prompter,
    });

    expect(result.code).toBe(0);
    const stored = JSON.parse(readFileSync(join(world.configDir(), 'config.json'), 'utf8'));
    expect(stored.profiles.default).toMatchObject({ env: 'production', platformName: 'acme' });
  });
});

describe('plain text through Output', () => {
  it('help exit-codes prints the table on stdout, nothing on stderr', async () => {
    const result = await runInProcess(['help', 'exit-codes'], { env: {} });

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Exit codes:');
    expect(result.stdout).toMatch(/^\s+3 {2}not found$/m);
    expect(result.stderr).toBe('');
  });
});

describe('credentials from the environment beside a chosen profile', () => {
  /** `customers list` against the sandbox, answered once. */
  function listCustomers(args: string[], env: Record<string, string | undefined> = {}) {
    world.agent().get(SANDBOX).intercept({ path: '/raas/v2/customers', method: 'GET' }).reply(200, []);
    return runInProcess(['--error-format', 'text', ...args, 'customers', 'list', '--json'], {
      env: { TANGO_CONFIG_DIR: world.configDir(), NO_COLOR: '1', ...credentials, ...env },
      dispatcher: world.agent(),
    });
  }
  const WARNING =
    'Warning: TANGO_PLATFORM_NAME and TANGO_PLATFORM_KEY are set: their credentials are used, not those of profile "ops"';

  it('--profile: a warning says the variables win, even under -q', async () => {
    const result = await listCustomers(['-q', '--profile', 'ops']);

    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`${WARNING} (chosen with --profile). Unset them to use the profile's.\n`);
  });

  it('with JSON errors the warning is a JSON object of its own kind', async () => {
    const result = await listCustomers(['-q', '--profile', 'ops', '--error-format', 'json']);

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stderr)).toEqual({
      warning: {
        message: `${WARNING.replace('Warning: ', '')} (chosen with --profile). Unset them to use the profile's.`,
        kind: 'credentials_override',
      },
    });
    expect(result.stderr.split('\n')).toEqual([expect.any(String), '']);
  });

  it('TANGO_PROFILE counts as chosen too', async () => {
    // commander reads its options' variables from the process's own environment.
    vi.stubEnv('TANGO_PROFILE', 'ops');
    const result = await listCustomers([]).finally(() => vi.unstubAllEnvs());

    expect(result.stderr).toContain(`${WARNING} (chosen with TANGO_PROFILE)`);
  });

  it('no profile chosen: the variables are the plan, nothing said', async () => {
    const result = await listCustomers([]);

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('the OAuth variables are named when they are the ones that win', async () => {
    world
      .agent()
      .get('https://sandbox-auth.tangocard.com')
      .intercept({ path: '/oauth/token', method: 'POST' })
      .reply(200, { access_token: 'token', token_type: 'Bearer', expires_in: 86400 });
    const result = await listCustomers(['-p', 'ops'], {
      TANGO_PLATFORM_NAME: undefined,
      TANGO_PLATFORM_KEY: undefined,
      TANGO_CLIENT_ID: 'client',
      TANGO_CLIENT_SECRET: 'secret',
      TANGO_USERNAME: 'svc',
      TANGO_PASSWORD: 'pw',
    });

    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'Warning: TANGO_CLIENT_ID, TANGO_CLIENT_SECRET, TANGO_USERNAME and TANGO_PASSWORD are set: their credentials are used, not those of profile "ops"',
    );
  });
});
