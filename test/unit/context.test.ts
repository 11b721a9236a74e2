/**
 * The Context is the only door: commands run in-process here with fake streams, a scripted
 * Prompter and undici's MockAgent, and nothing reaches the real terminal or network.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
