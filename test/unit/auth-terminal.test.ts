/**
 * `auth login` and `auth logout` at a terminal, in-process through the Prompter: what is asked,
 * what a "no" keeps, and that --yes and scripts (no terminal) are never asked anything.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type InProcessOptions, runInProcess, useOfflineWorld } from '../support/in-process.js';
import { choose, no, refused, scriptedPrompter, type, yes } from '../support/prompter.js';

const world = useOfflineWorld();
const TERMINAL = { stdin: true, stdout: true, stderr: true };
const KEY = 'sk-test-0123456789abcdef';

function tango(args: string[], options: InProcessOptions = {}) {
  return runInProcess(args, { ...options, env: { TANGO_CONFIG_DIR: world.configDir(), ...options.env } });
}

function storedProfile(name = 'default'): Record<string, unknown> | undefined {
  return JSON.parse(readFileSync(join(world.configDir(), 'config.json'), 'utf8')).profiles[name];
}

async function loggedIn(): Promise<void> {
  const login = await tango(['auth', 'login', '--platform-name', 'acme', '--platform-key-stdin', '--no-verify'], {
    input: KEY,
  });
  expect(login.code, login.stderr).toBe(0);
}

const CUSTOMERS_PROBE = '/raas/v2/customers?paginate=true&maxResults=1';
const EMPTY_PAGE = { items: [], nextPageAvailable: false, prevPageAvailable: false };

/** The server answers the check of the credentials (GET /customers) with `status`. */
function probe(origin: string, status = 200): void {
  const body = status === 200 ? EMPTY_PAGE : { httpCode: status, message: 'Unauthorized', requestId: 'req-401' };
  world.agent().get(origin).intercept({ path: CUSTOMERS_PROBE, method: 'GET' }).reply(status, body);
}

/** The token endpoint answers a 5-minute token and records each form it was sent. */
function tokenEndpoint(origin: string, forms: Array<Record<string, string>>): void {
  world
    .agent()
    .get(origin)
    .intercept({ path: '/oauth/token', method: 'POST' })
    .reply(200, (request) => {
      forms.push(Object.fromEntries(new URLSearchParams(String(request.body))));
      return { access_token: 'tok', token_type: 'Bearer', expires_in: 300, scope: 'raas.all' };
    });
}

const atTerminal = (args: string[], steps: Parameters<typeof scriptedPrompter>[0]) => {
  const prompter = scriptedPrompter(steps);
  const run = tango(args, { tty: TERMINAL, prompter, dispatcher: world.agent() });
  return { prompter, run };
};

describe('auth login at a terminal', () => {
  it('OAuth: asks the client, the service account, both secrets hidden, the lifetime and the environment', async () => {
    const forms: Array<Record<string, string>> = [];
    tokenEndpoint('https://auth.tangocard.com', forms);
    probe('https://api.tangocard.com');
    const { prompter, run } = atTerminal(
      ['auth', 'login'],
      [
        choose('oauth'),
        type('acme-client'),
        type('svc-acme'),
        type('client-secret-1'),
        type('service-password-1'),
        choose('5m'),
        choose('production'),
      ],
    );
    const result = await run;

    expect(result.code, result.stderr).toBe(0);
    expect(prompter.asked.map((q) => [q.kind, q.message])).toEqual([
      ['select', 'How does this platform sign in?'],
      ['input', 'OAuth client id'],
      ['input', 'Service account username'],
      ['password', 'OAuth client secret'],
      ['password', 'Service account password'],
      ['select', 'Token lifetime (the audience asked for)'],
      ['select', 'Environment'],
    ]);
    // Checked where it will be used: production's token URL and API, not the default sandbox. (The
    // whole documented grant is test/unit/faithful-cli.test.ts's.)
    expect(forms).toHaveLength(1);
    expect(forms[0]).toMatchObject({ client_id: 'acme-client', username: 'svc-acme', password: 'service-password-1' });
    expect(forms[0]?.audience).toBe('tango-api.bhn.com/fiveminute');
    expect(storedProfile()).toMatchObject({ env: 'production', clientId: 'acme-client', audience: '5m' });
    expect(storedProfile()).not.toHaveProperty('platformKey');
    expect(result.stderr).toContain('verified and stored in profile "default"');
    world.agent().assertNoPendingInterceptors();
  });

  it('another server: the base URL is checked as typed by the --base-url rule, verified there, and stored', async () => {
    probe('https://tango.example.test');
    const { run } = atTerminal(
      ['auth', 'login'],
      [
        choose('basic'),
        type('acme'),
        type(KEY),
        choose('custom'),
        refused(
          'http://tango.example.test/raas/v2',
          'plain http:// is refused for tango.example.test',
          type('https://tango.example.test/raas/v2/'),
        ),
      ],
    );
    const result = await run;

    expect(result.code, result.stderr).toBe(0);
    const stored = storedProfile();
    expect(stored).toMatchObject({ baseUrl: 'https://tango.example.test/raas/v2', platformName: 'acme' });
    expect(stored).not.toHaveProperty('env');
    world.agent().assertNoPendingInterceptors();
  });

  it('another server with OAuth: its token URL is asked too (it cannot be guessed)', async () => {
    const forms: Array<Record<string, string>> = [];
    tokenEndpoint('https://auth.example.test', forms);
    probe('https://tango.example.test');
    const { prompter, run } = atTerminal(
      ['auth', 'login', '--client-id', 'acme-client', '--username', 'svc-acme', '--audience', '24h'],
      [
        type('client-secret-1'),
        type('service-password-1'),
        choose('custom'),
        type('https://tango.example.test/raas/v2'),
        refused(
          'auth.example.test',
          '--auth-url: "auth.example.test" is not a URL',
          type('https://auth.example.test/oauth/token'),
        ),
      ],
    );
    const result = await run;

    expect(result.code, result.stderr).toBe(0);
    expect(prompter.asked.at(-1)?.message).toBe('OAuth token URL');
    expect(forms).toHaveLength(1);
    expect(storedProfile()).toMatchObject({
      baseUrl: 'https://tango.example.test/raas/v2',
      authUrl: 'https://auth.example.test/oauth/token',
      audience: '24h',
    });
  });

  it('refused credentials are kept: stored when asked to, and said to be unverified', async () => {
    probe('https://integration-api.tangocard.com', 401);
    const { prompter, run } = atTerminal(
      ['auth', 'login'],
      [choose('basic'), type('acme'), type(KEY), choose('sandbox'), yes],
    );
    const result = await run;

    expect(result.code, result.stderr).toBe(0);
    expect(prompter.asked.at(-1)).toMatchObject({
      kind: 'confirm',
      message: 'Store these credentials in profile "default" anyway, UNVERIFIED?',
      default: false,
    });
    expect(result.stderr).toContain('The API refused these credentials (HTTP 401)');
    expect(result.stderr).toContain('Credentials for acme stored UNVERIFIED in profile "default"');
    expect(result.stderr).not.toContain('verified and stored');
    expect(storedProfile()).toMatchObject({ env: 'sandbox', platformName: 'acme', platformKey: KEY });
  });

  it('refused credentials, and "no" to storing them: exit 4 and nothing stored', async () => {
    await loggedIn();
    probe('https://integration-api.tangocard.com', 401);
    const { run } = atTerminal(
      ['auth', 'login', '--yes'],
      [choose('basic'), type('other'), type('sk-other-0000'), choose('sandbox'), no],
    );
    const result = await run;

    expect(result.code).toBe(4);
    expect(result.stderr).toContain('nothing was stored');
    expect(storedProfile()).toMatchObject({ platformName: 'acme', platformKey: KEY });
  });

  it('replacing stored credentials asks first; "no" changes nothing and asks nothing more (exit 130)', async () => {
    await loggedIn();
    const { prompter, run } = atTerminal(['auth', 'login'], [no]);
    const result = await run;

    expect(result.code).toBe(130);
    expect(prompter.asked.map((q) => [q.kind, q.message, q.default])).toEqual([
      ['confirm', 'Profile "default" already has credentials (platform acme). Replace them?', false],
    ]);
    expect(result.stderr).toContain('Cancelled; profile "default" is unchanged.');
    expect(storedProfile()).toMatchObject({ platformName: 'acme', platformKey: KEY });
  });

  it('"yes" replaces them; --yes, and a script with no terminal, are not asked', async () => {
    await loggedIn();
    const asked = atTerminal(
      ['auth', 'login', '--no-verify'],
      [yes, choose('basic'), type('second'), type('sk-second-1'), choose('sandbox')],
    );
    expect((await asked.run).code).toBe(0);
    expect(storedProfile()).toMatchObject({ platformName: 'second', platformKey: 'sk-second-1' });

    const flagged = atTerminal(
      ['auth', 'login', '--no-verify', '--yes'],
      [choose('basic'), type('third'), type('sk-third-1'), choose('sandbox')],
    );
    expect((await flagged.run).code).toBe(0);
    expect(flagged.prompter.asked.map((q) => q.kind)).not.toContain('confirm');

    const script = await tango(['auth', 'login', '--platform-name', 'fourth', '--platform-key-stdin', '--no-verify'], {
      input: 'sk-fourth-1',
    });
    expect(script.code).toBe(0);
    expect(storedProfile()).toMatchObject({ platformName: 'fourth', platformKey: 'sk-fourth-1' });
  });
});

describe('auth logout at a terminal', () => {
  it('asks first, naming the profile and whose credentials; "no" keeps them and exits 130', async () => {
    await loggedIn();
    const prompter = scriptedPrompter([no]);

    const result = await tango(['auth', 'logout'], { tty: TERMINAL, prompter });

    expect(result.code).toBe(130);
    expect(prompter.asked.map((q) => [q.kind, q.message, q.default])).toEqual([
      ['confirm', 'Remove the credentials of profile "default" (platform acme)?', false],
    ]);
    expect(result.stderr).toContain('Cancelled; the credentials of profile "default" were kept.');
    expect(storedProfile()).toMatchObject({ platformName: 'acme', platformKey: KEY });
  });

  it('"yes" removes them', async () => {
    await loggedIn();
    const prompter = scriptedPrompter([yes]);

    const result = await tango(['auth', 'logout'], { tty: TERMINAL, prompter });

    expect(result.code).toBe(0);
    expect(prompter.remaining()).toBe(0);
    expect(storedProfile()).not.toHaveProperty('platformKey');
    expect(storedProfile()).not.toHaveProperty('platformName');
  });

  it('--yes asks nothing', async () => {
    await loggedIn();
    const prompter = scriptedPrompter([]);

    const result = await tango(['auth', 'logout', '--yes'], { tty: TERMINAL, prompter });

    expect(result.code).toBe(0);
    expect(prompter.asked).toEqual([]);
    expect(storedProfile()).not.toHaveProperty('platformKey');
  });

  it('without a terminal it removes them without a question, as it always did', async () => {
    await loggedIn();
    const prompter = scriptedPrompter([]);

    const result = await tango(['auth', 'logout'], { prompter });

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(prompter.asked).toEqual([]);
    expect(storedProfile()).not.toHaveProperty('platformKey');
  });

  it('a profile without credentials is not asked about', async () => {
    const prompter = scriptedPrompter([]);

    const result = await tango(['auth', 'logout'], { tty: TERMINAL, prompter });

    expect(result.code).toBe(0);
    expect(prompter.asked).toEqual([]);
    expect(result.stderr).toContain('has no stored credentials');
  });
});
