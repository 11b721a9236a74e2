/**
 * Tables in a real terminal (tmux) at 80 and 120 columns: `customers list`, `accounts list` and
 * `accounts get` with 100-character display names fit without a wrapped line, and every
 * identifier shows whole. The same commands on a pipe print what they always have: tab-separated
 * API values, nothing cut, ISO dates.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Account, Customer } from '../../src/domain/types.js';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { displayWidth } from '../../src/output/fit.js';
import { EmulatorClient } from '../support/emulator-client.js';
import { startServer, tangoEnv } from '../support/onboard-server.js';
import { runTango, tempConfigDir } from '../support/tango.js';
import { Terminal } from '../support/terminal.js';
import { shouldRun } from '../support/tools.js';

const NAME_100 = `Zanzibar Health Group — Employee Wellness and Recognition Rewards Programme for the Northern Regions`;
const CUSTOMER = 'zanzibar-health-group-northern-region';
const ACCOUNTS = ['zanzibar-northern-wellness-rewards', 'zanzibar-northern-recognition', 'zhg-n-3'];

let server: RunningEmulator;
let config: { dir: string; cleanup: () => void };
let client: EmulatorClient;

beforeAll(async () => {
  expect(NAME_100).toHaveLength(100);
  server = await startServer();
  config = tempConfigDir();
  client = new EmulatorClient(server);
  expect((await client.post('/customers', { customerIdentifier: CUSTOMER, displayName: NAME_100 })).status).toBe(201);
  await client.post('/customers', { customerIdentifier: 'acme-co', displayName: 'Acme Co' });
  for (const [n, accountIdentifier] of ACCOUNTS.entries()) {
    const created = await client.post(`/customers/${CUSTOMER}/accounts`, {
      accountIdentifier,
      displayName: n === 2 ? 'Short name' : NAME_100,
      contactEmail: 'rewards@zanzibar.example',
      currencyCode: n === 1 ? 'EUR' : 'USD',
      fundingNotification: [{ emailAddress: 'finance@zanzibar.example' }],
    });
    expect(created.status).toBe(201);
  }
});

afterAll(async () => {
  await server.close();
  config.cleanup();
});

const env = () => tangoEnv(server, config.dir);

describe.runIf(shouldRun('tmux', 'The terminal table tests'))('at a terminal', () => {
  let terminal: Terminal | undefined;
  afterEach(() => {
    terminal?.close();
    terminal = undefined;
  });

  /** The screen of `tango <args>` in a terminal `width` wide, once it has exited 0. */
  async function screenOf(args: string[], width: number): Promise<string[]> {
    terminal = Terminal.start(args, { env: env(), width, height: 40 });
    expect(await terminal.exitCode()).toBe(0);
    // screen() joins wrapped lines, so a line that wrapped shows up longer than the terminal.
    return terminal
      .screen()
      .split('\n')
      .filter((line) => !line.startsWith('[tango exited'));
  }

  function expectFits(lines: string[], width: number): void {
    for (const line of lines) expect(displayWidth(line.trimEnd()), line).toBeLessThanOrEqual(width);
  }

  it.each([80, 120])(
    'customers list at %i columns: fits, identifiers whole, the long name shortened',
    async (width) => {
      const lines = await screenOf(['customers', 'list'], width);
      expectFits(lines, width);
      const screen = lines.join('\n');
      expect(screen).toContain(`│ ${CUSTOMER} `);
      expect(screen).toContain('│ acme-co ');
      expect(screen).toContain('…');
      if (width === 120) expect(screen).toMatch(/CREATED \(UTC\)[\s\S]*\d{4}-\d\d-\d\d \d\d:\d\d /);
      else expect(screen).toContain('Hidden to fit: createdAt; see --fields');
    },
  );

  it.each([80, 120])('accounts list at %i columns: fits, identifiers whole, money formatted', async (width) => {
    const lines = await screenOf(['accounts', 'list', CUSTOMER], width);
    expectFits(lines, width);
    const screen = lines.join('\n');
    for (const id of ACCOUNTS) expect(screen).toContain(`│ ${id} `);
    expect(screen).toContain('…');
    if (width === 120) expect(screen).toMatch(/0\.00 EUR/);
    else expect(screen).toContain('Hidden to fit: accountNumber, currencyCode, createdAt; see --fields');
  });

  it.each([80, 120])('accounts get at %i columns: the 100-character name wraps inside the box', async (width) => {
    const lines = await screenOf(['accounts', 'get', ACCOUNTS[0]!], width);
    expectFits(lines, width);
    const screen = lines.join('\n');
    expect(screen).toContain(`│ ${ACCOUNTS[0]} `);
    expect(screen).toContain('0.00 USD');
    // Every word of the name is there: wrapped, not cut.
    for (const word of NAME_100.split(' ')) expect(screen).toContain(word);
  });

  it('an empty list says so on stderr and names the command that creates one', async () => {
    const lines = await screenOf(['accounts', 'list', 'acme-co'], 120);
    expect(lines.join('\n')).toContain('No accounts match. Create one with `tango accounts create <customer>`.');
  });
});

describe('on a pipe: as before this issue', () => {
  const tango = (args: string[]) => runTango(args, { configDir: config.dir, env: env() });

  it('accounts list: a header of API names, then the API values tab-separated, nothing cut, ISO dates', async () => {
    const accounts = (await client.get<Account[]>(`/customers/${CUSTOMER}/accounts`)).body;
    const result = await tango(['accounts', 'list', CUSTOMER]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const keys = [
      'accountIdentifier',
      'accountNumber',
      'displayName',
      'status',
      'currencyCode',
      'currentBalance',
      'createdAt',
    ] as const;
    const expected = [keys.join('\t'), ...accounts.map((a) => keys.map((k) => String(a[k])).join('\t'))].join('\n');
    expect(result.stdout).toBe(`${expected}\n`);
  });

  it('customers list and accounts get: byte for byte the plain layout', async () => {
    const customers = (await client.get<Customer[]>('/customers')).body;
    const list = await tango(['customers', 'list']);
    expect(list.stdout).toBe(
      [
        'customerIdentifier\tdisplayName\tstatus\tcreatedAt\taccounts',
        ...customers.map((c) =>
          [c.customerIdentifier, c.displayName, c.status, c.createdAt, c.accounts.length].join('\t'),
        ),
      ].join('\n') + '\n',
    );
    const account = (await client.get<Account>(`/accounts/${ACCOUNTS[0]}`)).body;
    const get = await tango(['accounts', 'get', ACCOUNTS[0]!]);
    expect(get.stdout).toBe(
      [
        `accountIdentifier\t${account.accountIdentifier}`,
        `accountNumber\t${account.accountNumber}`,
        `displayName\t${NAME_100}`,
        `status\t${account.status}`,
        `currencyCode\tUSD`,
        `currentBalance\t0`,
        `createdAt\t${account.createdAt}`,
        'contactEmail\trewards@zanzibar.example',
        'fundingNotification\tfinance@zanzibar.example',
      ].join('\n') + '\n',
    );
  });

  it('an empty list on a pipe: the header row only, nothing on stderr; CSV its header only', async () => {
    const table = await tango(['accounts', 'list', 'acme-co']);
    expect(table.stdout).toBe(
      'accountIdentifier\taccountNumber\tdisplayName\tstatus\tcurrencyCode\tcurrentBalance\tcreatedAt\n',
    );
    expect(table.stderr).toBe('');
    const csv = await tango(['accounts', 'list', 'acme-co', '-o', 'csv']);
    expect(csv.stdout).toBe(
      'accountIdentifier,accountNumber,displayName,status,currencyCode,currentBalance,createdAt,contactEmail,fundingNotification\r\n',
    );
  });
});
