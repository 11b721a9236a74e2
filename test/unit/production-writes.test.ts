/**
 * "Where am I writing?" (src/commands/confirm-write.ts): a write against production says the
 * environment, base URL and profile on stderr before it starts; at a terminal it asks once unless
 * --yes; without a terminal it goes ahead (cron). Sandbox stays silent. In-process, against
 * undici's MockAgent standing in for api.tangocard.com: what was sent is what the interceptors saw.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writesToProduction } from '../../src/commands/confirm-write.js';
import { type InProcessOptions, runInProcess, useOfflineWorld } from '../support/in-process.js';
import { no, scriptedPrompter, yes } from '../support/prompter.js';

const PRODUCTION = 'https://api.tangocard.com';
const SANDBOX = 'https://integration-api.tangocard.com';
const AT_A_TERMINAL = { stdin: true, stdout: true, stderr: true };
const BANNER = 'Warning: production (https://api.tangocard.com/raas/v2), profile "default"';
const world = useOfflineWorld();

const created = {
  customerIdentifier: 'acme-co',
  displayName: 'Acme Co',
  status: 'ACTIVE',
  createdAt: '2025-01-01T00:00:00.000Z',
  accounts: [],
};

/** The one POST /customers the server expects; `sent()` tells whether it came. */
function expectCreate(origin = PRODUCTION): { sent: () => boolean } {
  let sent = false;
  world
    .agent()
    .get(origin)
    .intercept({ path: '/raas/v2/customers', method: 'POST' })
    .reply(() => {
      sent = true;
      return { statusCode: 201, data: JSON.stringify(created) };
    });
  return { sent: () => sent };
}

function tango(args: string[], options: InProcessOptions = {}) {
  return runInProcess(['--rate', '0', '--max-retries', '0', ...args], {
    ...options,
    env: {
      TANGO_CONFIG_DIR: world.configDir(),
      NO_COLOR: '1',
      TANGO_PLATFORM_NAME: 'acme',
      TANGO_PLATFORM_KEY: 'sk-live-0123456789',
      ...options.env,
    },
    dispatcher: world.agent(),
  });
}

const CREATE_JSON = ['customers', 'create', '--identifier', 'acme-co', '--display-name', 'Acme Co', '--json'];
/** JSON on stdout, words on stderr: the banner as a person reads it. */
const CREATE = [...CREATE_JSON, '--error-format', 'text'];

describe('a write against production', () => {
  it('without a terminal: the banner on stderr, then the write goes ahead (cron)', async () => {
    const server = expectCreate();
    const result = await tango(['--env', 'production', ...CREATE]);

    expect(result.code).toBe(0);
    expect(server.sent()).toBe(true);
    expect(result.stderr).toBe(`${BANNER}: create customer acme-co\n`);
    expect(JSON.parse(result.stdout)).toMatchObject({ customerIdentifier: 'acme-co' });
  });

  it('the banner is a warning: -q keeps it', async () => {
    expectCreate();
    const result = await tango(['-q', '--env', 'production', ...CREATE]);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain(BANNER);
  });

  it('at a terminal asks once; "no" sends nothing and exits 130', async () => {
    const server = expectCreate();
    const prompter = scriptedPrompter([no]);
    const result = await tango(['--env', 'production', ...CREATE], { tty: AT_A_TERMINAL, prompter });

    expect(result.code).toBe(130);
    expect(prompter.asked.map((q) => [q.kind, q.message, q.default])).toEqual([
      ['confirm', 'Create customer acme-co in production?', false],
    ]);
    expect(result.stderr).toContain(BANNER);
    expect(result.stderr).toContain('Cancelled; nothing was changed.');
    expect(server.sent()).toBe(false);
  });

  it('at a terminal, "yes" writes', async () => {
    const server = expectCreate();
    const prompter = scriptedPrompter([yes]);
    const result = await tango(['--env', 'production', ...CREATE], { tty: AT_A_TERMINAL, prompter });

    expect(result.code).toBe(0);
    expect(prompter.asked).toHaveLength(1);
    expect(server.sent()).toBe(true);
  });

  it('--yes at a terminal: the banner, no question', async () => {
    const server = expectCreate();
    const prompter = scriptedPrompter([]);
    const result = await tango(['--env', 'production', ...CREATE, '--yes'], { tty: AT_A_TERMINAL, prompter });

    expect(result.code).toBe(0);
    expect(prompter.asked).toEqual([]);
    expect(result.stderr).toContain(BANNER);
    expect(server.sent()).toBe(true);
  });

  it("names the profile, and counts production's base URL given by hand as production", async () => {
    expectCreate();
    const result = await tango(['--base-url', `${PRODUCTION}/raas/v2`, '-p', 'ops', ...CREATE], {
      env: { TANGO_PLATFORM_NAME: undefined, TANGO_PLATFORM_KEY: undefined },
    });

    // No stored credentials for "ops": the banner still came first, before anything was sent.
    expect(result.stderr).toMatch(/^Warning: production \(https:\/\/api\.tangocard\.com\/raas\/v2\), profile "ops"/);
  });

  it("a base URL on production's host asks like the preset, however it is spelled (trailing dot kept the banner away)", async () => {
    const result = await tango(['--base-url', 'https://api.tangocard.com./raas/v2', ...CREATE]);

    expect(result.stderr).toMatch(/^Warning: production \(https:\/\/api\.tangocard\.com\.\/raas\/v2\)/);
  });

  it('a dry run is not a write: no banner, nothing sent', async () => {
    const result = await tango(['--env', 'production', ...CREATE, '--dry-run']);

    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('production (');
  });

  it('sandbox stays banner-free and never asks', async () => {
    const server = expectCreate(SANDBOX);
    const prompter = scriptedPrompter([]);
    const result = await tango(['--env', 'sandbox', ...CREATE], { tty: AT_A_TERMINAL, prompter });

    expect(result.code).toBe(0);
    expect(server.sent()).toBe(true);
    expect(prompter.asked).toEqual([]);
    expect(result.stderr).not.toContain('production');
  });
});

describe('every kind of write asks the same way', () => {
  it('tango api with a write method: banner and question; a GET neither', async () => {
    const pool = world.agent().get(PRODUCTION);
    pool.intercept({ path: '/raas/v2/catalogs', method: 'GET' }).reply(200, { brands: [] });
    const read = await tango(['--env', 'production', 'api', '/catalogs'], {
      tty: AT_A_TERMINAL,
      prompter: scriptedPrompter([]),
    });
    expect(read.code).toBe(0);
    expect(read.stderr).not.toContain('production (');

    const prompter = scriptedPrompter([no]);
    const write = await tango(['--env', 'production', 'api', 'POST', '/creditCardDeposits', '-F', 'amount=5'], {
      tty: AT_A_TERMINAL,
      prompter,
    });
    expect(write.code).toBe(130);
    expect(prompter.asked.map((q) => q.message)).toEqual(['POST /creditCardDeposits in production?']);
  });

  it('alerts delete in production asks one question, not two', async () => {
    const id = '0b6f5a3e-2d4c-4b8a-9c1e-7f2a3b4c5d6e';
    const prompter = scriptedPrompter([no]);
    const result = await tango(['--env', 'production', 'alerts', 'delete', 'acme-co', 'acme-main', id], {
      tty: AT_A_TERMINAL,
      prompter,
    });

    expect(result.code).toBe(130);
    expect(prompter.asked.map((q) => q.message)).toEqual([
      `Delete low-balance alert ${id} of account acme-main in production?`,
    ]);
  });

  it('accounts update, alerts create and onboard --plan say it before sending (no terminal; the server here answers nothing)', async () => {
    const update = await tango([
      '--env',
      'production',
      'accounts',
      'update',
      'acme-co',
      'acme-main',
      '--display-name',
      'Acme Main',
    ]);
    expect(update.stderr).toContain(`${BANNER}: update account acme-main of customer acme-co`);

    const alert = await tango([
      '--env',
      'production',
      'alerts',
      'create',
      'acme-co',
      'acme-main',
      '--display-name',
      'Main budget low',
      '--threshold',
      '500',
      '--email',
      'ops@acme.example',
    ]);
    expect(alert.stderr).toContain(`${BANNER}: create alert "Main budget low" on account acme-main`);

    const csv =
      'identifier,displayName,contactEmail\nacme-one,Acme One,a@acme.example\nacme-two,Acme Two,b@acme.example\n';
    const imported = await tango(['--env', 'production', 'accounts', 'import', 'acme-co', '-f', '-'], { input: csv });
    expect(imported.stderr.split(BANNER)).toHaveLength(2);
    expect(imported.stderr).toContain(`${BANNER}: import 2 accounts into customer acme-co`);

    const plan = {
      version: 1,
      customer: { customerIdentifier: 'zanzibar-health', displayName: 'Zanzibar Health Group' },
      accounts: [{ accountIdentifier: 'zanzibar-main', displayName: 'Zanzibar Main', contactEmail: 'o@z.example' }],
    };
    const onboard = await tango(['--env', 'production', 'onboard', '--plan', '-'], { input: JSON.stringify(plan) });
    expect(onboard.stderr).toContain(`${BANNER}: onboard customer zanzibar-health (1 account)`);
  });
});

/** With -o json (or --error-format json) a script reads stderr: each line one JSON object. */
describe('a write against production, stderr read as JSON', () => {
  const BANNER_OBJECT = {
    warning: {
      message: 'production (https://api.tangocard.com/raas/v2), profile "default": create customer acme-co',
      kind: 'production_write',
    },
  };
  const stderrObjects = (stderr: string) =>
    stderr
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));

  it('the banner is a warning object, then the data on stdout', async () => {
    expectCreate();
    const result = await tango(['--env', 'production', ...CREATE_JSON]);

    expect(result.code).toBe(0);
    expect(stderrObjects(result.stderr)).toEqual([BANNER_OBJECT]);
    expect(JSON.parse(result.stdout)).toMatchObject({ customerIdentifier: 'acme-co' });
  });

  it('a failing write: the banner object, then the one error object, nothing else', async () => {
    world
      .agent()
      .get(PRODUCTION)
      .intercept({ path: '/raas/v2/customers', method: 'POST' })
      .reply(409, { httpCode: 409, message: 'Customer already exists', i18nKey: 'customer.exists', requestId: 'r-1' });
    const result = await tango(['--env', 'production', ...CREATE_JSON.slice(0, -1), '-o', 'ndjson']);

    expect(result.code).toBe(5);
    const [banner, error, ...more] = stderrObjects(result.stderr);
    expect(banner).toEqual(BANNER_OBJECT);
    expect(error).toMatchObject({ error: { exitCode: 5, kind: 'conflict' } });
    expect(more).toEqual([]);
  });

  it('--error-format json with table output: JSON on stderr too', async () => {
    expectCreate();
    const result = await tango(['--env', 'production', ...CREATE_JSON.slice(0, -1), '--error-format', 'json']);

    expect(result.code).toBe(0);
    expect(stderrObjects(result.stderr)).toEqual([BANNER_OBJECT]);
  });
});

describe('tango apply in production', () => {
  function stateFile(): string {
    const file = join(world.configDir(), 'platform.json');
    writeFileSync(
      file,
      JSON.stringify({ version: 2, customers: [{ customerIdentifier: 'acme-co', displayName: 'Acme Co' }] }),
    );
    return file;
  }

  /** The read apply plans from: no such customer yet, so the plan is one create. */
  function customerMissing(): void {
    world
      .agent()
      .get(PRODUCTION)
      .intercept({ path: '/raas/v2/customers/acme-co', method: 'GET' })
      .reply(404, { httpCode: 404, message: 'Customer not found' });
  }

  it('at a terminal asks one question, the production one; "no" sends nothing and exits 130', async () => {
    customerMissing();
    const server = expectCreate();
    const prompter = scriptedPrompter([no]);
    const result = await tango(['--env', 'production', 'apply', '-f', stateFile()], { tty: AT_A_TERMINAL, prompter });

    expect(result.code).toBe(130);
    expect(prompter.asked.map((q) => q.message)).toEqual(['Apply 1 create, 0 changes and 0 deletes in production?']);
    expect(result.stderr).toContain(`${BANNER}: apply 1 create, 0 changes and 0 deletes`);
    expect(server.sent()).toBe(false);
  });

  it('with --yes and no terminal: the banner, then the changes', async () => {
    customerMissing();
    const server = expectCreate();
    const result = await tango(['--env', 'production', 'apply', '-f', stateFile(), '--yes']);

    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`${BANNER}: apply 1 create, 0 changes and 0 deletes`);
    expect(server.sent()).toBe(true);
  });
});

describe('which base URLs are production', () => {
  const settings = (baseUrl: string, env = 'custom') =>
    ({ env: { value: env }, baseUrl: { value: baseUrl } }) as unknown as Parameters<typeof writesToProduction>[0];

  it.each([
    ['https://api.tangocard.com/raas/v2', true],
    ['https://api.tangocard.com/raas/v2/', true],
    ['https://API.TangoCard.com/raas/v2', true],
    ['https://api.tangocard.com:443/raas/v2', true],
    ['https://api.tangocard.com./raas/v2', true],
    ['https://api.tangocard.com', true],
    ['https://integration-api.tangocard.com/raas/v2', false],
    ['https://api.tangocard.com.example.test/raas/v2', false],
    ['https://notapi.tangocard.com/raas/v2', false],
    ['http://127.0.0.1:8080/raas/v2', false],
  ])('%s: %s', (baseUrl, production) => {
    expect(writesToProduction(settings(baseUrl))).toBe(production);
  });

  it('--env production is production whatever the URL says', () => {
    expect(writesToProduction(settings('https://integration-api.tangocard.com/raas/v2', 'production'))).toBe(true);
  });
});
