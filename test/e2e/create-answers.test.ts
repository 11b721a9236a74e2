/**
 * What a create answers differs between Tango's documents: the docs and today's OpenAPI show a
 * 201 with the created fields only, the 2020 Swagger a 200 with the whole resource. The create
 * commands, --if-not-exists and accounts import run here against an emulator answering each way:
 * they print what the API returned, never fail on the shorter answer, and compare only the fields
 * they sent.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uniqueId } from '../support/emulator-client.js';
import { json, useTangoWithEmulator } from '../support/tango-emulator.js';

describe.each([
  ['documented', 'the created fields (201)'],
  ['full', 'the whole resource (200)'],
] as const)('against an emulator whose creates answer %s: %s', (createAnswer, _shape) => {
  const h = useTangoWithEmulator({ createAnswer });

  it('customers create and accounts create print what the API returned, exit 0', async () => {
    const customer = uniqueId('answers');
    const createdCustomer = json<Record<string, unknown>>(
      await h.tango(['customers', 'create', '--identifier', customer, '--display-name', 'Acme + Partners', '--json']),
    );
    const account = uniqueId('answer-acct');
    const created = await h.tango([
      'accounts',
      'create',
      customer,
      '--identifier',
      account,
      '--display-name',
      'Rewards $100',
      '--contact-email',
      'ops@acme.example',
      '--json',
    ]);
    const createdAccount = json<Record<string, unknown>>(created);

    const sent = { accountIdentifier: account, displayName: 'Rewards $100', contactEmail: 'ops@acme.example' };
    expect(createdCustomer).toMatchObject({ customerIdentifier: customer, displayName: 'Acme + Partners' });
    expect(createdAccount).toMatchObject({ ...sent, currencyCode: 'USD' });
    if (createAnswer === 'full') {
      expect(createdAccount.accountNumber).toMatch(/^A\d{8}$/);
      expect(createdCustomer.status).toBe('ACTIVE');
    } else {
      expect(createdAccount).not.toHaveProperty('accountNumber');
      expect(createdCustomer).toEqual({ customerIdentifier: customer, displayName: 'Acme + Partners' });
    }
    // The table view of the shorter answer prints too, with what is there.
    const table = await h.tango([
      'customers',
      'create',
      '--identifier',
      uniqueId('table'),
      '--display-name',
      'Acme™ Co',
    ]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('Acme™ Co');
  });

  it('--if-not-exists compares only the fields it sent, so a repeat succeeds', async () => {
    const customer = uniqueId('again');
    const args = ['customers', 'create', '--identifier', customer, '--display-name', 'Again Co', '--if-not-exists'];
    expect((await h.tango(args)).code).toBe(0);
    const repeat = await h.tango(args);
    expect(repeat.code, repeat.stderr).toBe(0);
    expect(repeat.stderr).toContain('already exists with the same values');

    const account = uniqueId('again-acct');
    const accountArgs = [
      'accounts',
      'create',
      customer,
      '--identifier',
      account,
      '--display-name',
      'Again Account',
      '--contact-email',
      'ops@again.example',
      '--if-not-exists',
    ];
    expect((await h.tango(accountArgs)).code).toBe(0);
    // The account got a funding address later; the repeat did not send one, so it is no difference.
    await h.client().patch(`/customers/${customer}/accounts/${account}`, {
      fundingNotification: [{ emailAddress: 'ap@again.example' }],
    });
    const accountRepeat = await h.tango(accountArgs);
    expect(accountRepeat.code, accountRepeat.stderr).toBe(0);
    const differs = await h.tango([...accountArgs.slice(0, 6), 'Other Name', ...accountArgs.slice(7)]);
    expect(differs.code).toBe(5);
    expect(differs.stderr).toContain('displayName: existing "Again Account", requested "Other Name"');
  });

  it('accounts import creates, then on a second run finds every row existing, comparing the columns given', async () => {
    const customer = uniqueId('imp');
    expect((await h.tango(['customers', 'create', '--identifier', customer, '--display-name', 'Import Co'])).code).toBe(
      0,
    );
    const file = join(h.configDir(), `${customer}.csv`);
    writeFileSync(
      file,
      'identifier,displayName,contactEmail\n' +
        `${customer}-a,Import A,a@imp.example\n` +
        `${customer}-b,Import B,b@imp.example\n`,
    );
    const first = await h.tango(['accounts', 'import', customer, '--file', file, '--report', `${file}.1.json`]);
    expect(first.code, first.stderr).toBe(0);
    const second = await h.tango(['accounts', 'import', customer, '--file', file, '--report', `${file}.2.json`]);
    expect(second.code, second.stderr).toBe(0);
    const { readFileSync } = await import('node:fs');
    const report = JSON.parse(readFileSync(`${file}.2.json`, 'utf8'));
    expect(report.rows.map((row: { outcome: string }) => row.outcome)).toEqual(['existed', 'existed']);
  });
});
