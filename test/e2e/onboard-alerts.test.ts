/**
 * Plan files with low-balance alerts (`accounts[].lowBalanceAlerts`), end to end against the
 * emulator: created after their account, never twice on a re-run, and checked before anything is sent.
 */
import { describe, expect, it } from 'vitest';
import type { LowBalanceAlertList } from '../../src/domain/alerts.js';
import { EmulatorClient } from '../support/emulator-client.js';
import { useOnboardWorld, writes } from '../support/onboard-server.js';

/** Progress lines on (TANGO_QUIET=0) although stderr is a pipe: the tests read them. */
const world = useOnboardWorld({ TANGO_QUIET: '0' });
const { planFile, tango } = world;

const PLAN = {
  version: 1,
  customer: { customerIdentifier: 'zanzibar-health', displayName: 'Zanzibar Health Group' },
  accounts: [
    {
      accountIdentifier: 'zhg-wellness',
      displayName: 'Employee Wellness',
      contactEmail: 'ops@zanzibar.example',
      lowBalanceAlerts: [
        { displayName: 'Wellness budget low', threshold: 500, emails: ['ops@zanzibar.example'] },
        {
          displayName: 'Wellness nearly empty',
          threshold: 50.5,
          emails: ['ops@zanzibar.example', 'cfo@zanzibar.example'],
        },
      ],
    },
    {
      accountIdentifier: 'zhg-europe',
      displayName: 'Europe Budget',
      contactEmail: 'eu@zanzibar.example',
      currencyCode: 'EUR',
    },
  ],
};

/** The account's alerts as the emulator holds them: name, threshold, emails. */
async function alertsOn(account: string) {
  const answer = await new EmulatorClient(world.server).get<Required<LowBalanceAlertList>>(
    `/customers/zanzibar-health/accounts/${account}/lowbalance`,
    { elementsPerBlock: 200 },
  );
  return answer.body.lowBalanceAlerts.map((a) => ({
    name: a.balanceAlertDisplayName,
    threshold: a.balanceAlertThreshold,
    emails: a.balanceAlertNotification.map((n) => n.emailAddress),
  }));
}

const EXPECTED = [
  { name: 'Wellness budget low', threshold: 500, emails: ['ops@zanzibar.example'] },
  { name: 'Wellness nearly empty', threshold: 50.5, emails: ['ops@zanzibar.example', 'cfo@zanzibar.example'] },
];

describe('tango onboard --plan with lowBalanceAlerts', () => {
  it('creates each account, then its alerts; the results list them', async () => {
    const result = await tango(['onboard', '--plan', planFile(PLAN), '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(await alertsOn('zhg-wellness')).toEqual(EXPECTED);
    expect(await alertsOn('zhg-europe')).toEqual([]);
    const results = JSON.parse(result.stdout) as Array<{
      kind: string;
      identifier: string;
      displayName: string;
      outcome: string;
    }>;
    expect(results.map((r) => [r.kind, r.identifier, r.displayName, r.outcome])).toEqual([
      ['customer', 'zanzibar-health', 'Zanzibar Health Group', 'created'],
      ['account', 'zhg-wellness', 'Employee Wellness', 'created'],
      ['alert', 'zhg-wellness', 'Wellness budget low', 'created'],
      ['alert', 'zhg-wellness', 'Wellness nearly empty', 'created'],
      ['account', 'zhg-europe', 'Europe Budget', 'created'],
    ]);
    // --json: stderr is read as JSON, each chatter line (TANGO_QUIET=0 here) an info object.
    const said = result.stderr
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line).info.message);
    expect(said.join('\n')).toContain('alert "Wellness budget low" on zhg-wellness created');
  });

  it('running the same plan again creates no alert twice', async () => {
    expect((await tango(['onboard', '--plan', planFile(PLAN)])).code).toBe(0);
    const again = await tango(['onboard', '--plan', planFile(PLAN), '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).map((r: { outcome: string }) => r.outcome)).toEqual([
      'existed',
      'existed',
      'existed',
      'existed',
      'existed',
    ]);
    expect(await alertsOn('zhg-wellness')).toEqual(EXPECTED);
  });

  it('an alert of the same name with another threshold stops the run (exit 5) and changes nothing', async () => {
    expect((await tango(['onboard', '--plan', planFile(PLAN)])).code).toBe(0);
    const changed = structuredClone(PLAN);
    changed.accounts[0]!.lowBalanceAlerts![0]!.threshold = 750;
    const result = await tango(['onboard', '--plan', planFile(changed)]);
    expect(result.code).toBe(5);
    expect(result.stderr).toContain('balanceAlertThreshold: existing 500, requested 750');
    expect(await alertsOn('zhg-wellness')).toEqual(EXPECTED);
  });

  it('--dry-run prints the alerts create commands after their account, and sends nothing', async () => {
    const result = await tango(['onboard', '--plan', planFile(PLAN), '--dry-run']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      "tango customers create --identifier zanzibar-health --display-name 'Zanzibar Health Group'",
      "tango accounts create zanzibar-health --identifier zhg-wellness --display-name 'Employee Wellness' --contact-email ops@zanzibar.example",
      "tango alerts create zanzibar-health zhg-wellness --display-name 'Wellness budget low' --threshold 500 --email ops@zanzibar.example",
      "tango alerts create zanzibar-health zhg-wellness --display-name 'Wellness nearly empty' --threshold 50.5 --email ops@zanzibar.example --email cfo@zanzibar.example",
      "tango accounts create zanzibar-health --identifier zhg-europe --display-name 'Europe Budget' --contact-email eu@zanzibar.example --currency EUR",
    ]);
    expect(writes(world.server)).toEqual([]);
  });

  it('bad alerts are listed by path, all at once, before anything is sent (exit 2)', async () => {
    const bad = structuredClone(PLAN) as unknown as { accounts: Array<Record<string, unknown>> };
    bad.accounts[0]!.lowBalanceAlerts = [
      { displayName: 'Low', threshold: 12.345, emails: ['nope'] },
      { displayName: 'Same name twice', threshold: 5, emails: ['a@zanzibar.example'] },
      { displayName: 'SAME NAME TWICE', threshold: 6, emails: [], color: 'red' },
    ];
    const result = await tango(['onboard', '--plan', planFile(bad)]);
    expect(result.code).toBe(2);
    for (const line of [
      'accounts[0].lowBalanceAlerts[0].displayName: must be 5-100 characters',
      'accounts[0].lowBalanceAlerts[0].threshold: must be an amount greater than 0',
      'accounts[0].lowBalanceAlerts[0].emails[0]: must be a valid email address',
      'accounts[0].lowBalanceAlerts[2].color: is not a plan field',
      'accounts[0].lowBalanceAlerts[2].emails: needs at least one',
    ]) {
      expect(result.stderr).toContain(line);
    }
    expect(writes(world.server)).toEqual([]);
  });
});
