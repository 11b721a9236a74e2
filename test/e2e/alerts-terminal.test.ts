/**
 * `tango alerts create` and `delete` in a real pseudo-terminal (tmux), against the emulator: the
 * missing values are asked for and checked as typed; a delete asks first, and "no" deletes nothing.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LowBalanceAlert, LowBalanceAlertList } from '../../src/domain/alerts.js';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { EmulatorClient } from '../support/emulator-client.js';
import { startServer, tangoEnv } from '../support/onboard-server.js';
import { tempConfigDir } from '../support/tango.js';
import { Terminal } from '../support/terminal.js';
import { requireTool, shouldRun } from '../support/tools.js';

const RUNS = shouldRun('tmux', 'The terminal tests of tango alerts');
const ALERTS = '/customers/acme-co/accounts/acme-main/lowbalance';

let server: RunningEmulator;
let config: { dir: string; cleanup: () => void };
let terminal: Terminal | undefined;

beforeAll(() => {
  if (RUNS) requireTool('tmux', 'the terminal tests');
});

beforeEach(async () => {
  server = await startServer();
  config = tempConfigDir();
  const client = new EmulatorClient(server);
  await client.post('/customers', { customerIdentifier: 'acme-co', displayName: 'Acme Co' });
  await client.post('/customers/acme-co/accounts', {
    accountIdentifier: 'acme-main',
    displayName: 'Acme Main',
    contactEmail: 'ops@acme.example',
    currencyCode: 'EUR',
  });
});

afterEach(async () => {
  terminal?.close();
  terminal = undefined;
  await server.close();
  config.cleanup();
});

function tango(args: string[]): Terminal {
  terminal = Terminal.start(args, { env: tangoEnv(server, config.dir) });
  return terminal;
}

async function stored(): Promise<LowBalanceAlert[]> {
  return (await new EmulatorClient(server).get<Required<LowBalanceAlertList>>(ALERTS)).body.lowBalanceAlerts;
}

describe.skipIf(!RUNS)('tango alerts at a terminal', () => {
  it('create asks for what is missing, checking each answer as it is typed', async () => {
    const tty = tango(['alerts', 'create', 'acme-co', 'acme-main', '--display-name', 'Main budget low']);
    await tty.waitFor('Alert below (amount)');
    tty.answer('12.345');
    await tty.waitFor('at most two decimals');
    tty.press('C-u');
    tty.answer('500');
    await tty.waitFor('Send to (emails, comma-separated)');
    tty.answer('ops@acme.example, nope');
    await tty.waitFor('nope:');
    tty.press('C-u');
    tty.answer('ops@acme.example, cfo@acme.example');
    await tty.waitFor('Created alert "Main budget low" on account acme-main.');
    // A terminal table shows the threshold in the account's currency.
    await tty.waitFor('500.00 EUR');
    expect(await tty.exitCode()).toBe(0);
    expect(await stored()).toMatchObject([
      {
        balanceAlertDisplayName: 'Main budget low',
        balanceAlertThreshold: 500,
        balanceAlertNotification: [{ emailAddress: 'ops@acme.example' }, { emailAddress: 'cfo@acme.example' }],
      },
    ]);
  });

  it('delete asks first: "no" deletes nothing (exit 130), "yes" deletes', async () => {
    const created = await new EmulatorClient(server).post<LowBalanceAlert>(ALERTS, {
      balanceAlertDisplayName: 'Soon deleted',
      balanceAlertThreshold: 5,
      balanceAlertNotification: [{ emailAddress: 'ops@acme.example' }],
    });
    const id = created.body.balanceAlertID;

    const declined = tango(['alerts', 'delete', 'acme-co', 'acme-main', id]);
    await declined.waitFor(`Delete low-balance alert ${id} of account acme-main?`);
    declined.answer('n');
    expect(await declined.exitCode()).toBe(130);
    expect(await stored()).toHaveLength(1);
    declined.close();

    const confirmed = tango(['alerts', 'delete', 'acme-co', 'acme-main', id]);
    await confirmed.waitFor(`Delete low-balance alert ${id} of account acme-main?`);
    confirmed.answer('y');
    await confirmed.waitFor(`Deleted alert ${id} of account acme-main.`);
    expect(await confirmed.exitCode()).toBe(0);
    expect(await stored()).toEqual([]);
  });
});
