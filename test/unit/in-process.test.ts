/**
 * Each command group run in-process through its Context (src/cli.ts `run` with fake streams),
 * against the emulator on a loopback port, with a scripted Prompter where a person would answer.
 * The e2e tests run the built binary; these prove nothing in a command reaches past its Context.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { completionCacheFile } from '../../src/completion/cache.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/server.js';
import { createCustomer, EmulatorClient, uniqueId } from '../support/emulator-client.js';
import { type InProcessOptions, runInProcess } from '../support/in-process.js';
import { no, scriptedPrompter, type, yes } from '../support/prompter.js';

let emulator: RunningEmulator;
let client: EmulatorClient;
let configDir: string;

beforeAll(async () => {
  emulator = await startEmulator({ random: 1 });
  client = new EmulatorClient(emulator);
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => {
  configDir = mkdtempSync(join(tmpdir(), 'tango-in-process-'));
  return () => rmSync(configDir, { recursive: true, force: true });
});

/** A command against the emulator, as a script would run it (no terminal) unless told otherwise. */
function tango(args: string[], options: InProcessOptions = {}) {
  return runInProcess(['--base-url', emulator.baseUrl, ...args], {
    ...options,
    env: {
      TANGO_CONFIG_DIR: configDir,
      NO_COLOR: '1',
      TANGO_PLATFORM_NAME: emulator.credentials.platformName,
      TANGO_PLATFORM_KEY: emulator.credentials.platformKey,
      ...options.env,
    },
  });
}

const AT_A_TERMINAL = { stdin: true, stdout: true, stderr: true };

describe('customers', () => {
  it('list prints the customers, and the completion cache learns them after the action', async () => {
    const id = await createCustomer(client);
    const result = await tango(['customers', 'list', '--json']);

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).map((c: { customerIdentifier: string }) => c.customerIdentifier)).toContain(id);
    expect(readFileSync(completionCacheFile({ TANGO_CONFIG_DIR: configDir }), 'utf8')).toContain(
      `customer\tdefault\t${id}\n`,
    );
  });

  it('get of a customer that is not there: exit 3, nothing remembered', async () => {
    const result = await tango(['customers', 'get', 'no-such-customer']);

    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Error: customer no-such-customer not found');
    expect(() => readFileSync(completionCacheFile({ TANGO_CONFIG_DIR: configDir }), 'utf8')).toThrow();
  });
});

describe('accounts', () => {
  it('create at a terminal asks for each missing value through the Prompter, then creates', async () => {
    const customer = await createCustomer(client);
    const account = uniqueId('acct');
    const prompter = scriptedPrompter([type(account), type('Main Budget'), type('ops@acme.example')]);
    const result = await tango(['accounts', 'create', customer, '--json'], { tty: AT_A_TERMINAL, prompter });

    expect(result.code).toBe(0);
    expect(prompter.asked.map((q) => q.message)).toEqual(['Account identifier', 'Display name', 'Contact email']);
    expect(JSON.parse(result.stdout)).toMatchObject({ accountIdentifier: account, currencyCode: 'USD' });
    expect(result.stderr).toContain(`Created account ${account}.`);
    expect((await client.get(`/accounts/${account}`)).status).toBe(200);
  });

  it('create without a terminal names the missing flags and sends nothing', async () => {
    const customer = await createCustomer(client);
    const result = await tango(['accounts', 'create', customer, '--identifier', 'acme-main']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing values for --display-name, --contact-email');
    expect((await client.get('/accounts/acme-main')).status).toBe(404);
  });
});

describe('api', () => {
  it('at a terminal the answer is indented; on a pipe it is one line', async () => {
    const id = await createCustomer(client);
    const terminal = await tango(['api', `/customers/${id}`], { tty: AT_A_TERMINAL });
    const pipe = await tango(['api', `/customers/${id}`]);

    expect(terminal.code).toBe(0);
    expect(terminal.stdout).toMatch(/^\{\n {2}"customerIdentifier": /);
    expect(pipe.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(terminal.stdout)).toEqual(JSON.parse(pipe.stdout));
  });

  it("-o table lays the answer out; the profile's output setting does not change it", async () => {
    const id = await createCustomer(client);
    const table = await tango([
      'api',
      '/customers',
      '--query',
      `[?customerIdentifier=='${id}'].{id: customerIdentifier}`,
      '-o',
      'table',
    ]);
    expect(table.stdout).toBe(`id\n${id}\n`);

    expect((await tango(['config', 'set', 'output', 'csv'])).code).toBe(0);
    const plain = await tango(['api', `/customers/${id}`]);
    expect(JSON.parse(plain.stdout).customerIdentifier).toBe(id);
  });
});

describe('config', () => {
  it('set, get and list one profile, stored in the folder the environment names', async () => {
    expect((await tango(['config', 'set', 'output', 'json', '--profile', 'ci'])).code).toBe(0);
    const got = await tango(['config', 'get', 'output', '--profile', 'ci']);
    const listed = await tango(['config', 'list', '--json']);

    expect(got).toMatchObject({ code: 0, stdout: 'json\n' });
    expect(JSON.parse(listed.stdout)).toEqual({
      configFile: join(configDir, 'config.json'),
      profiles: { ci: { output: 'json' } },
    });
  });
});

describe('onboard', () => {
  it('--plan - reads the plan from the fake stdin and creates it', async () => {
    const customer = uniqueId('onb');
    const plan = {
      version: 1,
      customer: { customerIdentifier: customer, displayName: 'Onboarded Customer' },
      accounts: [{ accountIdentifier: `${customer}-a`, displayName: 'First Account', contactEmail: 'a@x.example' }],
    };
    const result = await tango(['onboard', '--plan', '-', '--json'], { input: JSON.stringify(plan) });

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(2);
    expect((await client.get(`/accounts/${customer}-a`)).status).toBe(200);
  });

  it('--plan - with a terminal on stdin refuses at once instead of waiting for a plan nobody pipes', async () => {
    const result = await tango(['onboard', '--plan', '-'], { tty: { stdin: true } });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Error: --plan - reads stdin, but nothing is piped in');
    expect(result.stderr).toContain('Hint: for example: tango onboard --plan - < onboarding.json');
  });

  it('without a terminal and without a plan, says how to go on', async () => {
    const result = await tango(['onboard']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('tango onboard --plan onboarding.json');
  });
});

describe('diff and apply', () => {
  /** A state file (stdin) with one new customer and one account. */
  function newState() {
    const customer = uniqueId('state');
    const state = {
      version: 2,
      customers: [
        {
          customerIdentifier: customer,
          displayName: 'Stateful Customer',
          accounts: [{ accountIdentifier: `${customer}-a`, displayName: 'First Account', contactEmail: 'a@x.example' }],
        },
      ],
    };
    return { customer, input: JSON.stringify(state) };
  }

  it('diff colours its signs when stdout is a terminal, and prints them plain on a pipe', async () => {
    const { input } = newState();
    const coloured = await tango(['diff', '-f', '-'], { input, tty: { stdout: true }, env: { NO_COLOR: undefined } });
    const plain = await tango(['diff', '-f', '-'], { input, env: { NO_COLOR: undefined } });

    expect(coloured.code).toBe(8);
    expect(coloured.stdout).toContain('\u001b[32m+ customer');
    expect(plain.code).toBe(8);
    expect(plain.stdout).not.toContain('\u001b');
    expect(plain.stdout).toMatch(/^\+ customer state-/);
  });

  it('apply at a terminal shows the plan, asks, and applies on yes', async () => {
    const { customer, input } = newState();
    const file = join(configDir, 'state.json');
    writeFileSync(file, input);
    const prompter = scriptedPrompter([yes]);
    const result = await tango(['apply', '-f', file], { tty: AT_A_TERMINAL, prompter });

    expect(result.code, result.stderr).toBe(0);
    expect(prompter.asked.map((q) => q.message)).toEqual(['Apply 2 creates, 0 changes and 0 deletes?']);
    expect(result.stderr).toContain(`+ customer ${customer}`);
    expect(result.stderr).toContain(`✔ account ${customer}-a created`);
    expect((await client.get(`/accounts/${customer}-a`)).status).toBe(200);
  });

  it('a "no" at the confirmation sends nothing and exits 130', async () => {
    const { customer, input } = newState();
    const file = join(configDir, 'state.json');
    writeFileSync(file, input);
    const result = await tango(['apply', '-f', file], { tty: AT_A_TERMINAL, prompter: scriptedPrompter([no]) });

    expect(result.code).toBe(130);
    expect(result.stderr).toContain('Cancelled; nothing was changed.');
    expect((await client.get(`/customers/${customer}`)).status).toBe(404);
  });
});

describe('emulator', () => {
  it('start prints its URL on stdout and stops on the Context signal', async () => {
    const interrupt = new AbortController();
    const running = runInProcess(['emulator', 'start', '--seed', '1'], { env: {}, signal: interrupt.signal });
    // The Context's signal is the only way to stop it; abort once it is up.
    setTimeout(() => interrupt.abort(), 300);
    const result = await running;

    expect(result.code).toBe(130);
    expect(result.stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/raas\/v2\n$/);
    expect(result.stderr).toContain('Stopping the emulator.');
  });
});

describe('completion', () => {
  it('bash prints the script on stdout through Output', async () => {
    const result = await runInProcess(['completion', 'bash'], { env: {} });

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('complete -F');
    expect(result.stderr).toBe('');
  });
});

describe('help', () => {
  it('help accounts list prints that command’s help, examples last', async () => {
    const result = await runInProcess(['help', 'accounts', 'list'], { env: {} });

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: tango accounts list [options] [customer]');
    expect(result.stdout.trimEnd()).toMatch(/Examples:[\s\S]*\$ tango accounts list --status FROZEN[^\n]*$/);
  });

  it('an unknown topic is a usage error', async () => {
    const result = await runInProcess(['help', 'nonsense'], { env: {} });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command or topic 'nonsense'");
  });
});
