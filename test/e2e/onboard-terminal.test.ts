/**
 * `tango onboard` in a real pseudo-terminal (tmux), against the emulator: a whole onboarding by
 * keyboard, and Ctrl-C at a question and in the middle of creating. Each check of the result
 * reads the emulator's state, not the CLI's output.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EmulatorClient } from '../support/emulator-client.js';
import { serverState, tangoEnv, useOnboardWorld, writes } from '../support/onboard-server.js';
import { Terminal } from '../support/terminal.js';
import { requireTool, shouldRun } from '../support/tools.js';

const world = useOnboardWorld();
let terminal: Terminal | undefined;

/** Without tmux these are not run (CI requires it: test/support/tools.ts). */
const RUNS = shouldRun('tmux', 'The terminal tests of tango onboard');

beforeAll(() => requireTool('tmux', 'the terminal tests'));

afterEach(() => {
  terminal?.close();
  terminal = undefined;
});

function onboard(...flags: string[]): Terminal {
  terminal = Terminal.start(['onboard', ...flags], {
    env: tangoEnv(world.server, world.configDir),
    cwd: world.configDir,
  });
  return terminal;
}

/** The wizard up to its first account question, for a new customer "Zanzibar Health Group". */
async function newCustomer(tty: Terminal): Promise<void> {
  await tty.waitFor('Onboard accounts for');
  tty.press('Enter'); // A new customer
  await tty.waitFor('Customer display name');
  tty.answer('Zanzibar Health Group');
  await tty.waitFor('Customer identifier (zanzibar-health-group)');
  tty.press('Enter'); // the suggestion
  await tty.waitFor('Account display name');
}

/** Answers one account with the suggested identifier, USD and no funding emails; stops at its alerts question. */
async function accountUpToAlerts(tty: Terminal, name: string, nth = 1): Promise<void> {
  tty.answer(name);
  await tty.waitForNth('Account identifier', nth);
  tty.press('Enter');
  await tty.waitForNth('Contact email', nth);
  tty.answer('ops@zanzibar.example');
  await tty.waitForNth('Currency', nth);
  tty.press('Enter');
  await tty.waitForNth('Funding-notification email', nth);
  tty.press('Enter');
  await tty.waitForNth('Add a low-balance alert to', nth);
}

/** The same, with no alert; stops at "Add another account?". */
async function plainAccount(tty: Terminal, name: string, nth = 1): Promise<void> {
  await accountUpToAlerts(tty, name, nth);
  tty.press('Enter'); // No, the default
  await tty.waitForNth('Add another account?', nth);
}

describe.skipIf(!RUNS)('tango onboard at a terminal', () => {
  it('onboards a new customer with two accounts, exactly as answered', async () => {
    const tty = onboard();
    await newCustomer(tty);

    // Account 1: a wrong email first, refused as it is typed.
    tty.answer('Employee Wellness');
    await tty.waitFor('Account identifier (zanzibar-health-group-employee-wellness)');
    tty.press('Enter');
    await tty.waitFor('Contact email');
    tty.answer('ops@zanzibar');
    await tty.waitFor('Must be a valid email address');
    tty.press('C-u');
    tty.answer('ops@zanzibar.example');
    await tty.waitFor('Currency (it can never be changed later)');
    tty.press('Enter'); // USD, the first and default choice
    await tty.waitFor('Funding-notification email (Enter for none)');
    tty.answer('finance@zanzibar.example');
    await tty.waitFor('Another funding-notification email (Enter to finish)');
    tty.press('Enter');
    // A low-balance alert: the name and the addresses offered by default, a threshold in USD.
    await tty.waitFor('Add a low-balance alert to zanzibar-health-group-employee-wellness?');
    tty.answer('y');
    await tty.waitFor('Alert name (Employee Wellness low balance)');
    tty.press('Enter');
    await tty.waitFor('Alert when the balance falls below (USD)');
    tty.answer('500');
    await tty.waitFor('Send it to (emails, comma-separated) (ops@zanzibar.example)');
    tty.press('Enter');
    await tty.waitFor('Add another low-balance alert to zanzibar-health-group-employee-wellness?');
    tty.press('Enter');
    await tty.waitFor('Add another account?');
    tty.answer('y');

    // Account 2: the contact email offered is the first account's; EUR is three down from USD.
    await tty.waitForNth('Account display name', 2);
    tty.answer("Client's Engagement");
    await tty.waitFor('Account identifier (zanzibar-health-group-client-s-engagement)');
    tty.answer('zhg-clients');
    await tty.waitFor('Contact email (ops@zanzibar.example)');
    tty.press('Enter');
    await tty.waitForNth('Currency (it can never be changed later)', 2);
    tty.press('Down', 'Down', 'Down', 'Enter');
    await tty.waitForNth('Funding-notification email (Enter for none)', 2);
    tty.press('Enter');
    await tty.waitFor('Add a low-balance alert to zhg-clients?');
    tty.press('Enter');
    await tty.waitForNth('Add another account?', 2);
    tty.press('Enter'); // No, the default

    const review = await tty.waitFor('What now?');
    expect(review).toContain('1 customer and 2 accounts, with 1 low-balance alert, will be created');
    expect(review).toContain(
      "tango alerts create zanzibar-health-group zanzibar-health-group-employee-wellness --display-name 'Employee Wellness low balance' --threshold 500 --email ops@zanzibar.example",
    );
    expect(review).toContain(
      "tango customers create --identifier zanzibar-health-group --display-name 'Zanzibar Health Group'",
    );
    expect(review).toContain(
      "tango accounts create zanzibar-health-group --identifier zhg-clients --display-name 'Client'\\''s Engagement' --contact-email ops@zanzibar.example --currency EUR",
    );
    expect(writes(world.server)).toEqual([]); // nothing is created before the review is confirmed

    tty.press('Enter'); // Create all of this
    await tty.waitFor('Done: 1 customer created, 2 accounts created, 1 low-balance alert created.');
    expect(await tty.exitCode()).toBe(0);
    // Read once it has exited: the "Next:" lines follow the summary, and a busy machine can show one without the other.
    expect(tty.screen()).toContain('tango customers get zanzibar-health-group');

    const alerts = await new EmulatorClient(world.server).get(
      '/customers/zanzibar-health-group/accounts/zanzibar-health-group-employee-wellness/lowbalance',
    );
    expect(alerts.body.lowBalanceAlerts).toMatchObject([
      {
        balanceAlertDisplayName: 'Employee Wellness low balance',
        balanceAlertThreshold: 500,
        balanceAlertNotification: [{ emailAddress: 'ops@zanzibar.example' }],
      },
    ]);
    expect(await serverState(world.server)).toEqual([
      {
        customerIdentifier: 'zanzibar-health-group',
        displayName: 'Zanzibar Health Group',
        accounts: [
          {
            accountIdentifier: 'zanzibar-health-group-employee-wellness',
            displayName: 'Employee Wellness',
            contactEmail: 'ops@zanzibar.example',
            currencyCode: 'USD',
            fundingEmails: ['finance@zanzibar.example'],
          },
          {
            accountIdentifier: 'zhg-clients',
            displayName: "Client's Engagement",
            contactEmail: 'ops@zanzibar.example',
            currencyCode: 'EUR',
            fundingEmails: [],
          },
        ],
      },
    ]);
  });

  it('Ctrl-C at a question exits 130, says nothing was created, and nothing was', async () => {
    const tty = onboard();
    await newCustomer(tty);
    tty.answer('Employee Wellness');
    await tty.waitFor('Account identifier');

    tty.press('C-c');

    const screen = await tty.waitFor('nothing was created');
    expect(screen).toContain('Interrupted before the review was confirmed');
    expect(await tty.exitCode()).toBe(130);
    expect(await serverState(world.server)).toEqual([]);
    expect(writes(world.server)).toEqual([]);
  });

  it('Ctrl-C while creating reports exactly what was created, offers to save the answers, then exits 130', async () => {
    const tty = onboard();
    await newCustomer(tty);
    for (const [index, name] of ['Account Alpha', 'Account Bravo'].entries()) {
      await plainAccount(tty, name, index + 1);
      tty.answer(index === 0 ? 'y' : 'n');
      if (index === 0) await tty.waitForNth('Account display name', 2);
    }
    await tty.waitFor('What now?');
    // Answers slow enough that Ctrl-C lands while an account is still being created, however busy the machine.
    world.server.setFaults({ latencyMs: 2000 });
    tty.press('Enter');
    await tty.waitFor('customer zanzibar-health-group created');

    tty.press('C-c');

    await tty.waitFor('Save your answers as a plan file to finish later?');
    tty.answer('y');
    await tty.waitFor('Save the plan to (onboard-zanzibar-health-group.json)');
    tty.press('Enter');
    expect(await tty.exitCode()).toBe(130);
    const screen = tty.screen();
    expect(screen).toContain('tango onboard --plan onboard-zanzibar-health-group.json');
    expect(screen.split('Created: ')).toHaveLength(2); // said once, before the question
    const reported = (screen.match(/Created: (.*)/)?.[1] ?? '').split(', ');
    const state = await serverState(world.server);
    const created = state.flatMap((c) => [
      `customer ${c.customerIdentifier}`,
      ...c.accounts.map((a) => `account ${a.accountIdentifier}`),
    ]);
    expect(reported.sort()).toEqual(created.sort());
    expect(screen).toMatch(/Not created: account zanzibar-health-group-account-(alpha|bravo)/);

    // The saved plan finishes the job: what exists is skipped, the rest created.
    world.server.setFaults({ latencyMs: 0 });
    const replay = await world.tango([
      'onboard',
      '--plan',
      join(world.configDir, 'onboard-zanzibar-health-group.json'),
    ]);
    expect(replay.code, replay.stderr).toBe(0);
    expect((await serverState(world.server))[0]?.accounts.map((a) => a.accountIdentifier)).toEqual([
      'zanzibar-health-group-account-alpha',
      'zanzibar-health-group-account-bravo',
    ]);
  });

  it('a "y" typed at a yes/no question without Enter does not swallow the next answer', async () => {
    const tty = onboard();
    await newCustomer(tty);
    await accountUpToAlerts(tty, 'Employee Wellness');

    // "y", then the alert's name typed straight after it, as if the y had been taken.
    tty.type('y');
    tty.answer('Budget low');

    const refused = await tty.waitFor('Answer y or n, then Enter');
    expect(refused).not.toContain('Alert name');
    tty.press('C-u');
    tty.answer('y');
    await tty.waitFor('Alert name (Employee Wellness low balance)');
    tty.answer('Budget low');
    await tty.waitFor('Alert when the balance falls below (USD)');
    expect(tty.screen()).toMatch(/Alert name.*Budget low/);
    tty.press('C-c');
    expect(await tty.exitCode()).toBe(130);
  });

  it('--dry-run at a terminal prints the commands once, and creates nothing', async () => {
    const tty = onboard('--dry-run');
    await newCustomer(tty);
    await plainAccount(tty, 'Employee Wellness');
    tty.press('Enter'); // no other account
    await tty.waitFor('Show the commands (dry run: nothing is created)');
    tty.press('Enter');

    expect(await tty.exitCode()).toBe(0);
    const screen = tty.screen();
    const command = "tango customers create --identifier zanzibar-health-group --display-name 'Zanzibar Health Group'";
    expect(screen.split(command)).toHaveLength(2);
    expect(screen).toContain('Dry run: nothing was sent.');
    expect(writes(world.server)).toEqual([]);
  });

  it('when creating fails, offers to save the answers, and the saved plan finishes the job', async () => {
    const tty = onboard();
    await newCustomer(tty);
    await plainAccount(tty, 'Employee Wellness');
    tty.press('Enter');
    await tty.waitFor('What now?');
    world.server.setFaults({ failRate: 1 }); // every request now answers 503
    tty.press('Enter');

    await tty.waitFor('Save your answers as a plan file to finish later?');
    tty.answer('y');
    await tty.waitFor('Save the plan to (onboard-zanzibar-health-group.json)');
    tty.press('Enter');
    const screen = await tty.waitFor('Created: nothing');
    expect(screen).toContain('tango onboard --plan onboard-zanzibar-health-group.json');
    expect(await tty.exitCode()).toBe(6);
    const saved = join(world.configDir, 'onboard-zanzibar-health-group.json');
    expect(existsSync(saved)).toBe(true);

    world.server.setFaults({ failRate: 0 });
    const replay = await world.tango(['onboard', '--plan', saved]);

    expect(replay.code).toBe(0);
    expect(await serverState(world.server)).toEqual([
      {
        customerIdentifier: 'zanzibar-health-group',
        displayName: 'Zanzibar Health Group',
        accounts: [
          {
            accountIdentifier: 'zanzibar-health-group-employee-wellness',
            displayName: 'Employee Wellness',
            contactEmail: 'ops@zanzibar.example',
            currencyCode: 'USD',
            fundingEmails: [],
          },
        ],
      },
    ]);
  });

  it.each([
    ['--no-input', ['--no-input', 'onboard'], {}],
    ['CI set', ['onboard'], { CI: 'true' }],
  ])('even at a terminal, with %s it asks nothing and exits 2 pointing to --plan', async (_, args, extra) => {
    terminal = Terminal.start(args, { env: { ...tangoEnv(world.server, world.configDir), ...extra } });

    expect(await terminal.exitCode()).toBe(2);
    expect(terminal.screen()).toContain('tango onboard --plan');
    expect(terminal.screen()).not.toContain('Onboard accounts for');
    expect(world.server.stats().total).toBe(0);
  });

  it('refused credentials end the wizard before the first question (exit 4)', async () => {
    const env = { ...tangoEnv(world.server, world.configDir), TANGO_PLATFORM_KEY: 'not-the-key' };
    terminal = Terminal.start(['onboard'], { env });

    expect(await terminal.exitCode()).toBe(4);
    expect(terminal.screen()).not.toContain('Onboard accounts for');
  });
});
