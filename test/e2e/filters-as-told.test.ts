/**
 * What the list filters' help says is what they do, against the emulator: --display-name is a
 * case-insensitive substring on customers and accounts, --contact-email the whole address in any
 * case, and a CSV listing feeds an import as it is (`accounts import --help`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { uniqueId } from '../support/emulator-client.js';
import { json, useTangoWithEmulator } from '../support/tango-emulator.js';

const harness = useTangoWithEmulator();
const customer = uniqueId('told');
const ids = (rows: Array<Record<string, string>>, key: string) => rows.map((row) => row[key]).sort();

beforeAll(async () => {
  const client = harness.client();
  await client.post('/customers', { customerIdentifier: customer, displayName: 'Zanzibar Wellness Group' });
  for (const [suffix, displayName] of [
    ['wellness', 'Employee Wellness'],
    ['bonus', 'Bonus WELLbeing'],
    ['sales', 'Sales Awards'],
  ]) {
    await client.post(`/customers/${customer}/accounts`, {
      accountIdentifier: `${customer}-${suffix}`,
      displayName,
      contactEmail: `${suffix}@zanzibar.example`,
    });
  }
});

describe('list filters do what their help says', () => {
  it('accounts list --display-name: part of the name, ignoring case', async () => {
    const help = await harness.tango(['accounts', 'list', '--help']);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain(
      'only accounts whose display name contains this (ignoring case)',
    );

    const rows = json<Array<Record<string, string>>>(
      await harness.tango(['accounts', 'list', customer, '--display-name', 'wELL', '--json']),
    );
    expect(ids(rows, 'accountIdentifier')).toEqual([`${customer}-bonus`, `${customer}-wellness`]);
  });

  it('customers list --display-name and --account-display-name: the same', async () => {
    const byName = json<Array<Record<string, string>>>(
      await harness.tango(['customers', 'list', '--display-name', 'zanzibar wellNESS', '--json']),
    );
    const byAccount = json<Array<Record<string, string>>>(
      await harness.tango(['customers', 'list', '--account-display-name', 'sales aw', '--json']),
    );

    expect(ids(byName, 'customerIdentifier')).toEqual([customer]);
    expect(ids(byAccount, 'customerIdentifier')).toContain(customer);
  });

  it('accounts list --contact-email: the whole address, in any case; a part finds nothing', async () => {
    const whole = json<Array<Record<string, string>>>(
      await harness.tango(['accounts', 'list', customer, '--contact-email', 'SALES@zanzibar.example', '--json']),
    );
    const part = json<unknown[]>(
      await harness.tango(['accounts', 'list', customer, '--contact-email', 'ales@zanzibar.example', '--json']),
    );

    expect(ids(whole, 'accountIdentifier')).toEqual([`${customer}-sales`]);
    expect(part).toEqual([]);
  });

  it('accounts import --help tells the truth about CSV: a listing carries contactEmail and feeds back as it is', async () => {
    const help = await harness.tango(['accounts', 'import', '--help']);
    const listed = await harness.tango(['accounts', 'list', customer, '-o', 'csv']);
    const again = await harness.tango(['accounts', 'import', customer, '-f', '-', '--json'], { input: listed.stdout });

    expect(help.stdout).not.toContain('leave out contactEmail');
    expect(listed.stdout.split('\n')[0]).toContain('contactEmail');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).summary).toMatchObject({ total: 3, existed: 3, created: 0 });
  });
});
