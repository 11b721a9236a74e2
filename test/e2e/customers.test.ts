/**
 * `tango customers list|get|create` end to end: the built bin against the emulator on a random
 * loopback port, as a cron script would run it (no TTY, credentials from the environment).
 */
import { describe, expect, it } from 'vitest';
import type { Customer, Page } from '../../src/domain/types.js';
import { uniqueId } from '../support/emulator-client.js';
import { json, tableRows, useTangoWithEmulator } from '../support/tango-emulator.js';

// Fault draws come from this script, so a test decides exactly which request is dropped.
const draws: number[] = [];
const h = useTangoWithEmulator({ seed: 4, seedAccounts: 2, random: () => draws.shift() ?? 0.999 });
const { tango } = h;

async function apiCustomers(): Promise<Customer[]> {
  return (await h.client().get<Customer[]>('/customers')).body;
}

async function create(identifier: string, displayName: string, ...extra: string[]) {
  return tango(['customers', 'create', '--identifier', identifier, '--display-name', displayName, ...extra]);
}

describe('tango customers list', () => {
  it('prints a table of identifier, display name, status, created and the number of accounts', async () => {
    const result = await tango(['customers', 'list']);
    expect(result.code).toBe(0);
    const [header, ...rows] = tableRows(result.stdout);
    expect(header).toEqual(['customerIdentifier', 'displayName', 'status', 'createdAt', 'accounts']);
    const expected = (await apiCustomers()).map((c) => [
      c.customerIdentifier,
      c.displayName,
      c.status,
      c.createdAt,
      String(c.accounts.length),
    ]);
    expect(rows).toEqual(expected);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows[0]![4]).toBe('2');
  });

  it("--json prints the API's array unchanged", async () => {
    expect(json(await tango(['customers', 'list', '--json']))).toEqual(await apiCustomers());
  });

  it('-o csv and -o ndjson carry the same customers', async () => {
    const customers = await apiCustomers();
    const csv = await tango(['customers', 'list', '-o', 'csv']);
    expect(csv.stdout.split('\r\n')[0]).toBe('customerIdentifier,displayName,status,createdAt,accounts');
    expect(csv.stdout.trimEnd().split('\r\n')).toHaveLength(customers.length + 1);
    const ndjson = await tango(['customers', 'list', '-o', 'ndjson']);
    expect(
      ndjson.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual(customers);
  });

  it('--fields picks the columns', async () => {
    const result = await tango(['customers', 'list', '--fields', 'customerIdentifier,accounts']);
    expect(tableRows(result.stdout)[0]).toEqual(['customerIdentifier', 'accounts']);
  });

  it('passes the customer filters on: display name, created-after, account status', async () => {
    const seeded = await apiCustomers();
    const first = seeded[0]!;
    const byName = json<Customer[]>(await tango(['customers', 'list', '--json', '--display-name', first.displayName]));
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((c) => c.displayName.includes(first.displayName))).toBe(true);

    const after = seeded.at(-1)!.createdAt;
    const newer = json<Customer[]>(await tango(['customers', 'list', '--json', '--created-after', after]));
    expect(newer.map((c) => c.customerIdentifier)).toEqual(
      seeded.filter((c) => c.createdAt >= after).map((c) => c.customerIdentifier),
    );

    const owner = json<Customer[]>(
      await tango(['customers', 'list', '--json', '--account-identifier', first.accounts[0]!.accountIdentifier]),
    );
    expect(owner.map((c) => c.customerIdentifier)).toEqual([first.customerIdentifier]);
  });

  it('pages with --max-results, naming the next cursor on stderr, and --next-cursor follows it', async () => {
    const all = (await apiCustomers()).map((c) => c.customerIdentifier);
    const first = await tango(['customers', 'list', '--max-results', '2']);
    expect(first.code).toBe(0);
    expect(
      tableRows(first.stdout)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(all.slice(0, 2));
    const cursor = /Next page: --next-cursor (\S+)/.exec(first.stderr)?.[1];
    expect(cursor).toBeDefined();
    const second = json<Page<Customer>>(
      await tango(['customers', 'list', '--max-results', '2', '--next-cursor', cursor!, '--json']),
    );
    expect(second.items.map((c) => c.customerIdentifier)).toEqual(all.slice(2, 4));
    expect(second.prevPageAvailable).toBe(true);
  });

  it('--all -o ndjson prints every customer once, across pages', async () => {
    const result = await tango(['customers', 'list', '--all', '--max-results', '1', '-o', 'ndjson']);
    const ids = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line).customerIdentifier);
    expect(ids).toEqual((await apiCustomers()).map((c) => c.customerIdentifier));
  });

  it('--limit N stops after N customers across pages, in every format', async () => {
    const all = (await apiCustomers()).map((c) => c.customerIdentifier);
    const table = await tango(['customers', 'list', '--limit', '3', '--max-results', '2']);
    expect(table.code).toBe(0);
    expect(
      tableRows(table.stdout)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(all.slice(0, 3));
    const array = json<Customer[]>(await tango(['customers', 'list', '--limit', '1', '--json']));
    expect(array.map((c) => c.customerIdentifier)).toEqual(all.slice(0, 1));
    const more = json<Customer[]>(await tango(['customers', 'list', '--limit', '1000', '--json']));
    expect(more.map((c) => c.customerIdentifier)).toEqual(all);
  });

  it.each([['0'], ['-1'], ['2.5'], ['many']])('--limit %s is a usage error naming the flag (exit 2)', async (value) => {
    const result = await tango(['customers', 'list', '--limit', value]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--limit');
    expect(result.stdout).toBe('');
  });

  it('wrong credentials: exit 4, the server refusal shown, nothing on stdout', async () => {
    const result = await tango(['customers', 'list'], { env: { TANGO_PLATFORM_KEY: 'wrong-key' } });
    expect(result.code).toBe(4);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Error: /);
    expect(result.stderr).toContain('Request ID:');
    expect(result.stderr).not.toContain('wrong-key');
    expect(result.stderr).toContain(
      'Hint: see which credentials were used and where they came from: tango auth status',
    );
  });
});

describe('tango customers get', () => {
  it('prints the details, then a table of its accounts', async () => {
    const customer = (await apiCustomers())[0]!;
    const result = await tango(['customers', 'get', customer.customerIdentifier]);
    expect(result.code).toBe(0);
    const [details, accounts] = result.stdout.split('\n\n');
    expect(tableRows(details!)).toEqual([
      ['customerIdentifier', customer.customerIdentifier],
      ['displayName', customer.displayName],
      ['status', customer.status],
      ['createdAt', customer.createdAt],
      ['accounts', String(customer.accounts.length)],
    ]);
    const [header, ...rows] = tableRows(accounts!);
    expect(header).toEqual([
      'accountIdentifier',
      'accountNumber',
      'displayName',
      'status',
      'currencyCode',
      'createdAt',
    ]);
    expect(rows.map((r) => r[0])).toEqual(customer.accounts.map((a) => a.accountIdentifier));
  });

  it("--json prints the API's object unchanged", async () => {
    const customer = (await apiCustomers())[1]!;
    expect(json(await tango(['customers', 'get', customer.customerIdentifier, '--json']))).toEqual(customer);
  });

  it('an unknown customer: exit 3, "customer <id> not found", with the request id', async () => {
    const result = await tango(['customers', 'get', 'no-such-customer']);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Error: customer no-such-customer not found');
    expect(result.stderr).toMatch(/Request ID: \S+/);
  });
});

describe('tango customers create', () => {
  it('creates the customer and prints it as a table', async () => {
    const id = uniqueId('create');
    const result = await create(id, 'Zanzibar Health Group');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Created customer ${id}.`);
    expect(tableRows(result.stdout)).toContainEqual(['customerIdentifier', id]);
    expect(tableRows(result.stdout)).toContainEqual(['accounts', '0']);
    const stored = await h.client().get(`/customers/${id}`);
    expect(stored.body).toMatchObject({ customerIdentifier: id, displayName: 'Zanzibar Health Group' });
  });

  it('--json prints the created customer as the API answered it; accents and other scripts are letters', async () => {
    const id = uniqueId('json');
    const created = json<Customer>(await create(id, 'Café Zoë — Ελλάδα', '--json'));
    // The documented 201 body: the fields sent, nothing more.
    expect(created).toEqual({ customerIdentifier: id, displayName: 'Café Zoë — Ελλάδα' });
    expect((await h.client().get(`/customers/${id}`)).body).toMatchObject(created);
  });

  it('refuses a bad identifier and an emoji display name before sending anything (exit 2)', async () => {
    const before = h.requestCount();
    const result = await create('ab!', 'Party Time 🎉');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--identifier "ab!": must be 5-100 characters');
    expect(result.stderr).toContain('--display-name "Party Time 🎉": must be 5-100 characters');
    expect(result.stderr).toContain('no emoji');
    expect(h.requestCount()).toBe(before);
  });

  it('an unknown --fields name is refused before the customer is created', async () => {
    const id = uniqueId('fields');
    const result = await create(id, 'Fields Co', '--fields', 'customerIdentifier,nmae');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--fields: "nmae" is not a field of customers');
    expect((await h.client().get(`/customers/${id}`)).status).toBe(404);
  });

  it('without a terminal, a missing flag is exit 2 naming it, and nothing is sent', async () => {
    const before = h.requestCount();
    const result = await tango(['customers', 'create', '--identifier', uniqueId('missing')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing value for --display-name');
    expect(h.requestCount()).toBe(before);
  });

  it('a duplicate: exit 5, "customer <id> already exists"', async () => {
    const id = uniqueId('dup');
    expect((await create(id, 'First Owner')).code).toBe(0);
    const result = await create(id, 'First Owner');
    expect(result.code).toBe(5);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`Error: customer ${id} already exists`);
    expect(result.stderr).toContain('--if-not-exists');
  });

  it('--if-not-exists with the same display name: exit 0, a note on stderr, the existing customer printed', async () => {
    const id = uniqueId('same');
    expect((await create(id, 'Same Name Inc')).code).toBe(0);
    const result = await create(id, 'Same Name Inc', '--if-not-exists', '--json');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`customer ${id} already exists with the same values; nothing was changed`);
    expect(JSON.parse(result.stdout)).toEqual((await h.client().get(`/customers/${id}`)).body);
  });

  it('--if-not-exists with a different display name: exit 5, both names shown', async () => {
    const id = uniqueId('diff');
    expect((await create(id, 'Original Name')).code).toBe(0);
    const result = await create(id, 'Another Name', '--if-not-exists');
    expect(result.code).toBe(5);
    expect(result.stderr).toContain(`customer ${id} already exists with different values`);
    expect(result.stderr).toContain('displayName: existing "Original Name", requested "Another Name"');
  });

  it('--dry-run prints the request and sends nothing', async () => {
    const id = uniqueId('dry');
    const before = h.emulator().stats();
    const result = await create(id, 'Dry Run Co', '--dry-run', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      method: 'POST',
      url: `${h.emulator().baseUrl}/customers`,
      headers: { authorization: '<redacted>' },
      body: { customerIdentifier: id, displayName: 'Dry Run Co' },
    });
    expect(result.stderr).toContain('Dry run: nothing was sent.');
    expect(h.emulator().stats().requests).toEqual(before.requests);
    expect((await h.client().get(`/customers/${id}`)).status).toBe(404);
  });

  it('a create whose answer is lost is retried, and its 409 confirmed as ours: exit 0, one customer', async () => {
    const id = uniqueId('retry');
    const before = h.emulator().stats().requests;
    h.emulator().setFaults({ dropRate: 0.5, dropMode: 'after' });
    draws.push(0); // the first request drawn for (the POST) is applied, then its connection dropped
    let result: Awaited<ReturnType<typeof tango>>;
    try {
      result = await create(id, 'Retry Safe Co');
    } finally {
      h.emulator().setFaults({ dropRate: 0 });
      draws.length = 0;
    }
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Created customer ${id}. The first answer was lost`);
    expect(tableRows(result.stdout)).toContainEqual(['customerIdentifier', id]);
    const after = h.emulator().stats().requests;
    const delta = (key: string) => (after[key] ?? 0) - (before[key] ?? 0);
    expect(delta('POST /raas/v2/customers dropped')).toBe(1);
    expect(delta('POST /raas/v2/customers 409')).toBe(1);
    expect((await apiCustomers()).filter((c) => c.customerIdentifier === id)).toHaveLength(1);
  });
});

describe('help', () => {
  it.each(['customers', 'customers list', 'customers get', 'customers create'])('tango %s --help', async (line) => {
    const result = await tango([...line.split(' '), '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Examples:');
    expect(result.stdout).toMatchSnapshot();
  });
});
