/**
 * The CLI against answers shaped as Tango documents them, in-process through its Context:
 * `auth login` for an OAuth service account at a terminal (both secrets asked hidden), and
 * `customers list` whichever shape GET /customers answers with paginate=true (the spec: a bare
 * array; our emulator: the page wrapper).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/in-process.js';
import { choose, scriptedPrompter, type } from '../support/prompter.js';

const SANDBOX_API = 'https://integration-api.tangocard.com';
const SANDBOX_AUTH = 'https://sandbox-auth.tangocard.com';
let configDir: string;
let agent: MockAgent;

beforeEach(() => {
  configDir = mkdtempSync(join(tmpdir(), 'tango-faithful-'));
  agent = new MockAgent();
  agent.disableNetConnect();
});

afterEach(async () => {
  await agent.close();
  rmSync(configDir, { recursive: true, force: true });
});

describe('auth login for an OAuth service account at a terminal', () => {
  it('asks the client secret and the password hidden, sends the documented grant, stores both 0600', async () => {
    const forms: Array<Record<string, string>> = [];
    agent
      .get(SANDBOX_AUTH)
      .intercept({ path: '/oauth/token', method: 'POST' })
      .reply(200, (request) => {
        forms.push(Object.fromEntries(new URLSearchParams(String(request.body))));
        return { access_token: 'tok', token_type: 'Bearer', expires_in: 300, scope: 'raas.all' };
      });
    agent
      .get(SANDBOX_API)
      .intercept({ path: '/raas/v2/customers?paginate=true&maxResults=1', method: 'GET' })
      .reply(200, []);
    const prompter = scriptedPrompter([type('client-secret-1'), type('service-password-1'), choose('sandbox')]);

    const result = await runInProcess(
      ['auth', 'login', '--client-id', 'acme-client', '--username', 'svc-acme', '--audience', '5m'],
      {
        env: { TANGO_CONFIG_DIR: configDir },
        tty: { stdin: true, stdout: true, stderr: true },
        prompter,
        dispatcher: agent,
      },
    );

    expect(result.code, result.stderr).toBe(0);
    expect(prompter.asked.map((q) => [q.kind, q.message])).toEqual([
      ['password', 'OAuth client secret'],
      ['password', 'Service account password'],
      ['select', 'Environment'],
    ]);
    expect(prompter.screens.join('\n')).not.toMatch(/client-secret-1|service-password-1/);
    expect(forms).toEqual([
      {
        client_id: 'acme-client',
        client_secret: 'client-secret-1',
        username: 'svc-acme',
        password: 'service-password-1',
        scope: 'raas.all',
        audience: 'tango-api.bhn.com/fiveminute',
        grant_type: 'password',
      },
    ]);
    const stored = JSON.parse(readFileSync(join(configDir, 'config.json'), 'utf8'));
    expect(stored.profiles.default).toMatchObject({
      env: 'sandbox',
      clientId: 'acme-client',
      clientSecret: 'client-secret-1',
      username: 'svc-acme',
      password: 'service-password-1',
      audience: '5m',
    });
    expect(result.stdout + result.stderr).not.toMatch(/client-secret-1|service-password-1/);
  });
});

describe('customers list, whichever shape the server answers', () => {
  const customers = [
    {
      customerIdentifier: 'acme-one',
      displayName: 'Acme One',
      status: 'ACTIVE',
      createdAt: '2025-01-01T00:00:00Z',
      accounts: [],
    },
    {
      customerIdentifier: 'acme-two',
      displayName: 'Acme Two',
      status: 'ACTIVE',
      createdAt: '2025-01-02T00:00:00Z',
      accounts: [],
    },
  ];
  const env = () => ({ TANGO_CONFIG_DIR: configDir, TANGO_PLATFORM_NAME: 'acme', TANGO_PLATFORM_KEY: 'key-123456789' });

  it.each([
    ['the bare array the spec documents', customers],
    [
      'the page wrapper',
      { numberOfElements: 2, maxResults: 10, items: customers, prevPageAvailable: false, nextPageAvailable: false },
    ],
  ])('--paginate, --all and no flag all list every customer from %s', async (_shape, body) => {
    agent
      .get(SANDBOX_API)
      .intercept({ path: (path) => path.startsWith('/raas/v2/customers'), method: 'GET' })
      .reply(200, body)
      .times(3);
    for (const flags of [['--paginate'], ['--all'], []]) {
      const result = await runInProcess(['customers', 'list', '-o', 'ndjson', ...flags], {
        env: env(),
        dispatcher: agent,
      });
      expect(result.code, result.stderr).toBe(0);
      const listed = result.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).customerIdentifier);
      expect(listed, flags.join(' ')).toEqual(['acme-one', 'acme-two']);
    }
  });
});
