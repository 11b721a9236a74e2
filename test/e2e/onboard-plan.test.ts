/** `tango onboard --plan`: the same onboarding for scripts, against the emulator, no terminal. */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { collectOutput } from '../support/child-output.js';
import { serverState, tangoEnv, useOnboardWorld, writes } from '../support/onboard-server.js';
import { BIN } from '../support/tango.js';

const world = useOnboardWorld();
const { planFile, tango } = world;

const PLAN = {
  version: 1,
  customer: { customerIdentifier: 'zanzibar-health', displayName: 'Zanzibar Health Group' },
  accounts: [
    {
      accountIdentifier: 'zhg-wellness',
      displayName: 'Employee Wellness',
      contactEmail: 'ops@zanzibar.example',
      fundingEmails: ['finance@zanzibar.example'],
    },
    {
      accountIdentifier: 'zhg-europe',
      displayName: 'Europe Budget',
      contactEmail: 'eu@zanzibar.example',
      currencyCode: 'EUR',
      fundingNotification: [{ emailAddress: 'eu-finance@zanzibar.example' }],
    },
  ],
};

const CREATED = [
  {
    customerIdentifier: 'zanzibar-health',
    displayName: 'Zanzibar Health Group',
    accounts: [
      {
        accountIdentifier: 'zhg-europe',
        displayName: 'Europe Budget',
        contactEmail: 'eu@zanzibar.example',
        currencyCode: 'EUR',
        fundingEmails: ['eu-finance@zanzibar.example'],
      },
      {
        accountIdentifier: 'zhg-wellness',
        displayName: 'Employee Wellness',
        contactEmail: 'ops@zanzibar.example',
        currencyCode: 'USD',
        fundingEmails: ['finance@zanzibar.example'],
      },
    ],
  },
];

describe('tango onboard --plan', () => {
  it('creates the customer and its accounts; results as JSON on stdout, progress on stderr when asked', async () => {
    // Progress is for a person: TANGO_QUIET=0 shows it where stderr is not a terminal.
    const result = await tango(['onboard', '--plan', planFile(PLAN), '--json'], { env: { TANGO_QUIET: '0' } });

    expect(result.stderr).toContain('✔ customer zanzibar-health created');
    expect(result.code).toBe(0);
    const results = JSON.parse(result.stdout);
    expect(
      results.map((r: { kind: string; identifier: string; outcome: string }) => [r.kind, r.identifier, r.outcome]),
    ).toEqual([
      ['customer', 'zanzibar-health', 'created'],
      ['account', 'zhg-wellness', 'created'],
      ['account', 'zhg-europe', 'created'],
    ]);
    expect(await serverState(world.server)).toEqual(CREATED);
  });

  it('run again, skips what exists with the same values and creates nothing new (exit 0)', async () => {
    const file = planFile(PLAN);
    await tango(['onboard', '--plan', file]);
    world.server.resetStats();

    const quiet = await tango(['onboard', '--plan', file]);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    const again = await tango(['onboard', '--plan', file], { env: { TANGO_QUIET: '0' } });

    expect(again.code).toBe(0);
    expect(again.stderr).toContain('customer zanzibar-health already exists with the same values; skipped');
    expect(again.stderr).toContain('Done: 3 items already there with the same values.');
    // The same word as the import report's outcome for a row already there.
    expect(again.stdout).toMatch(/^customer\tzanzibar-health\tZanzibar Health Group\texisted$/m);
    expect(await serverState(world.server)).toEqual(CREATED);
  });

  it('a plan with bad fields: exit 2, every problem with its path, and not one request sent', async () => {
    const bad = structuredClone(PLAN) as typeof PLAN & { accounts: Array<Record<string, unknown>> };
    bad.accounts[0]!.contactEmail = 'ops@zanzibar';
    bad.accounts[1]!.accountIdentifier = 'ZHG-Europe';

    const result = await tango(['onboard', '--plan', planFile(bad)]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('has 2 problems; nothing was sent');
    expect(result.stderr).toContain('accounts[0].contactEmail: must be a valid email address');
    expect(result.stderr).toContain('accounts[1].accountIdentifier: must be 5-100 characters');
    expect(result.stderr).toContain('use the lowercase form: zhg-europe');
    expect(world.server.stats().total).toBe(0);
    expect(await serverState(world.server)).toEqual([]);
  });

  it('--dry-run prints the equivalent commands and sends nothing, even without credentials', async () => {
    const result = await tango(['onboard', '--plan', planFile(PLAN), '--dry-run'], {
      env: { TANGO_PLATFORM_NAME: undefined, TANGO_PLATFORM_KEY: undefined, TANGO_QUIET: '0' },
    });

    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      "tango customers create --identifier zanzibar-health --display-name 'Zanzibar Health Group'",
      "tango accounts create zanzibar-health --identifier zhg-wellness --display-name 'Employee Wellness' --contact-email ops@zanzibar.example --funding-email finance@zanzibar.example",
      "tango accounts create zanzibar-health --identifier zhg-europe --display-name 'Europe Budget' --contact-email eu@zanzibar.example --currency EUR --funding-email eu-finance@zanzibar.example",
    ]);
    expect(result.stderr).toContain('Dry run: nothing was sent.');
    expect(world.server.stats().total).toBe(0);
  });

  it('the commands a dry run prints, run in a shell, create exactly what the plan does', async () => {
    const dryRun = await tango(['onboard', '--plan', planFile(PLAN), '--dry-run']);
    const script = `tango() { "${process.execPath}" "${BIN}" "$@" >/dev/null; }\nset -e\n${dryRun.stdout}`;

    // Asynchronously: the emulator answering these commands runs in this very process.
    const shell = collectOutput(spawn('sh', ['-c', script], { env: tangoEnv(world.server, world.configDir) }));

    expect(await shell.exited, shell.stderr()).toBe(0);
    expect(await serverState(world.server)).toEqual(CREATED);
  });

  it('reads the plan from stdin with "-"', async () => {
    const result = await tango(['onboard', '--plan', '-'], { input: JSON.stringify(PLAN) });

    expect(result.code).toBe(0);
    expect(await serverState(world.server)).toEqual(CREATED);
  });

  it('adds accounts to an existing customer, and refuses one that does not exist (exit 3, nothing created)', async () => {
    const missing = { customer: { customerIdentifier: 'nobody-here', existing: true }, accounts: PLAN.accounts };
    const refused = await tango(['onboard', '--plan', planFile(missing)]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('Customer nobody-here does not exist');
    expect(refused.stderr).toContain('Created: nothing');
    expect(writes(world.server)).toEqual([]);

    await tango(['onboard', '--plan', planFile({ ...PLAN, accounts: [PLAN.accounts[0]] })]);
    const existing = {
      customer: { customerIdentifier: 'zanzibar-health', existing: true },
      accounts: [PLAN.accounts[1]],
    };
    const added = await tango(['onboard', '--plan', planFile(existing)], { env: { TANGO_QUIET: '0' } });

    expect(added.code).toBe(0);
    expect(added.stderr).toContain('customer zanzibar-health exists; adding accounts to it');
    expect(await serverState(world.server)).toEqual(CREATED);
  });

  it('a failure part way stops, and says what was and was not created (exit 5 on a conflict)', async () => {
    // zhg-europe already belongs to another customer: the second account cannot be created.
    await tango([
      'onboard',
      '--plan',
      planFile({
        customer: { customerIdentifier: 'other-customer', displayName: 'Other Customer' },
        accounts: [{ ...PLAN.accounts[1], displayName: 'Somebody Else' }],
      }),
    ]);

    const result = await tango(['onboard', '--plan', planFile(PLAN)]);

    expect(result.code).toBe(5);
    expect(result.stderr).toContain('Onboarding stopped at account zhg-europe');
    expect(result.stderr).toContain('Created: customer zanzibar-health, account zhg-wellness');
    expect(result.stderr).toContain('Not created: account zhg-europe');
    const zanzibar = (await serverState(world.server)).find((c) => c.customerIdentifier === 'zanzibar-health');
    expect(zanzibar?.accounts.map((a) => a.accountIdentifier)).toEqual(['zhg-wellness']);
  });
});

describe('tango onboard without a terminal', () => {
  it('fails at once (exit 2), pointing to --plan and the flag-based commands', async () => {
    const result = await tango(['onboard']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('tango onboard --plan');
    expect(result.stderr).toContain('tango customers create');
    expect(world.server.stats().total).toBe(0);
  });

  it('--help documents the plan format and ends with examples', async () => {
    const result = await tango(['onboard', '--help']);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"customerIdentifier"');
    expect(result.stdout).toContain('fundingEmails');
    expect(result.stdout).toMatch(/Examples:\n(.*\n)*.*tango onboard --plan/);
  });
});
