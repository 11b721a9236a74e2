/**
 * `tango accounts list|get|create|update` end to end: the built bin against the emulator, which
 * holds two seeded customers of 1,050 accounts each (statuses, currencies, balances, dates and
 * funding emails spread by a seeded generator) plus the accounts these tests create.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Account, Customer, Page } from '../../src/domain/types.js';
import { uniqueId } from '../support/emulator-client.js';
import { json, tableRows, useTangoWithEmulator } from '../support/tango-emulator.js';

const PER_CUSTOMER = 1050;
const draws: number[] = [];
const h = useTangoWithEmulator({ seed: 2, seedAccounts: PER_CUSTOMER, random: () => draws.shift() ?? 0.999 });
const { tango } = h;

let big: string; // a seeded customer with PER_CUSTOMER accounts
let seeded: Account[]; // its accounts, as the API lists them
const fixture = uniqueId('fixture'); // a customer for creates and updates

beforeAll(async () => {
  const customers = (await h.client().get<Customer[]>('/customers')).body;
  big = customers[0]!.customerIdentifier;
  seeded = (await h.client().get<Account[]>(`/customers/${big}/accounts`)).body;
  const created = await h.client().post('/customers', { customerIdentifier: fixture, displayName: 'Fixture Co' });
  expect(created.status).toBe(201);
});

const ids = (accounts: Account[]) => accounts.map((a) => a.accountIdentifier);

/** Lists with the given filter flags and checks the answer against the same filter applied here. */
async function expectFilter(flags: string[], keep: (a: Account) => boolean): Promise<void> {
  const expected = ids(seeded.filter(keep));
  // A filter that keeps everything or nothing would prove nothing.
  expect(expected.length).toBeGreaterThan(0);
  expect(expected.length).toBeLessThan(seeded.length);
  const listed = json<Account[]>(await tango(['accounts', 'list', big, ...flags, '--json']));
  expect(ids(listed)).toEqual(expected);
}

const sortedBy = <T>(values: T[]) => [...values].sort();

describe('tango accounts list: output', () => {
  it('a table of identifier, number, name, status, currency, balance and created date', async () => {
    const result = await tango(['accounts', 'list', big]);
    expect(result.code).toBe(0);
    const [header, ...rows] = tableRows(result.stdout);
    expect(header).toEqual([
      'accountIdentifier',
      'accountNumber',
      'displayName',
      'status',
      'currencyCode',
      'currentBalance',
      'createdAt',
    ]);
    expect(rows).toHaveLength(PER_CUSTOMER);
    const first = seeded[0]!;
    expect(rows[0]).toEqual([
      first.accountIdentifier,
      first.accountNumber,
      first.displayName,
      first.status,
      first.currencyCode,
      String(first.currentBalance),
      first.createdAt,
    ]);
  });

  it("--json prints the API's array unchanged", async () => {
    expect(json(await tango(['accounts', 'list', big, '--json']))).toEqual(seeded);
  });

  it('without a customer it lists the whole platform (GET /accounts)', async () => {
    const all = (await h.client().get<Account[]>('/accounts')).body;
    expect(all.length).toBeGreaterThan(2 * PER_CUSTOMER - 1);
    const listed = json<Account[]>(
      await tango(['accounts', 'list', '--account-number', all.at(-1)!.accountNumber, '--json']),
    );
    expect(listed).toEqual([all.at(-1)]);
  });

  it('an unknown customer: exit 3', async () => {
    const result = await tango(['accounts', 'list', 'no-such-customer']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('customer no-such-customer not found');
  });
});

describe('tango accounts list: each filter', () => {
  it('--status', () => expectFilter(['--status', 'FROZEN'], (a) => a.status === 'FROZEN'));

  it('--currency, repeatable', () =>
    expectFilter(['--currency', 'EUR', '--currency', 'GBP'], (a) => ['EUR', 'GBP'].includes(a.currencyCode)));

  it('--display-name (the API matches part of the name, any case)', () =>
    expectFilter(['--display-name', 'wellness'], (a) => a.displayName.toLowerCase().includes('wellness')));

  it('--account-number', () =>
    expectFilter(['--account-number', seeded[7]!.accountNumber], (a) => a.accountNumber === seeded[7]!.accountNumber));

  it('--min-balance and --max-balance, inclusive', () =>
    expectFilter(
      ['--min-balance', '1000', '--max-balance', '5000.5'],
      (a) => a.currentBalance >= 1000 && a.currentBalance <= 5000.5,
    ));

  it('--created-after and --created-before', () => {
    const after = seeded[100]!.createdAt;
    const before = seeded[300]!.createdAt;
    return expectFilter(
      ['--created-after', after, '--created-before', before],
      (a) => a.createdAt >= after && a.createdAt <= before,
    );
  });

  it('--created-before with a bare date includes that whole day', () => {
    const day = seeded[500]!.createdAt.slice(0, 10);
    return expectFilter(['--created-before', day], (a) => a.createdAt.slice(0, 10) <= day);
  });

  it('--funding-email, repeatable: accounts notifying any of them', () => {
    const address = seeded
      .flatMap((a) => a.fundingNotification ?? [])
      .find((n) => n.emailAddress.startsWith('accounts-payable'));
    expect(address).toBeDefined();
    return expectFilter(['--funding-email', address!.emailAddress, '--funding-email', 'nobody@example.com'], (a) =>
      (a.fundingNotification ?? []).some((n) => n.emailAddress === address!.emailAddress),
    );
  });

  it('--contact-email', async () => {
    const id = uniqueId('contact');
    await h.client().post(`/customers/${fixture}/accounts`, {
      accountIdentifier: id,
      displayName: 'Contact Filter',
      contactEmail: `${id}@contact.example`,
    });
    const listed = json<Account[]>(
      await tango(['accounts', 'list', fixture, '--contact-email', `${id}@contact.example`, '--json']),
    );
    expect(ids(listed)).toEqual([id]);
  });

  it('enumerated values in any case are sent in capitals (the emulator takes only capitals)', () =>
    expectFilter(
      ['--status', 'active', '--currency', 'usd'],
      (a) => a.status === 'ACTIVE' && a.currencyCode === 'USD',
    ));

  it('several filters at once must all hold', () =>
    expectFilter(
      ['--status', 'ACTIVE', '--currency', 'USD', '--min-balance', '20000'],
      (a) => a.status === 'ACTIVE' && a.currencyCode === 'USD' && a.currentBalance >= 20000,
    ));

  it.each([
    [['--status', 'gone'], 'must be one of ACTIVE, INACTIVE, DISABLED, FROZEN, DELETED'],
    [['--currency', 'XYZ'], 'must be one of AUD, CAD, EUR, GBP, USD, MXN, SGD, PLN'],
    [['--min-balance', 'ten'], 'must be a number'],
    [['--created-after', '2025-02-30'], 'ISO 8601'],
  ])('a bad value is exit 2 and nothing is sent: %j', async (flags, rule) => {
    const before = h.requestCount();
    const result = await tango(['accounts', 'list', big, ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`'${flags[0]}`);
    expect(result.stderr).toContain(`'${flags[1]}' is invalid`);
    expect(result.stderr).toContain(rule);
    expect(h.requestCount()).toBe(before);
  });
});

describe('tango accounts list: pages', () => {
  it('forwards with the cursor named on stderr, and back again with the previous cursor', async () => {
    const first = await tango(['accounts', 'list', big, '--max-results', '3']);
    expect(first.code).toBe(0);
    expect(
      tableRows(first.stdout)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(ids(seeded.slice(0, 3)));
    expect(first.stderr).not.toContain('Previous page');
    const next = /Next page: --next-cursor (\S+)/.exec(first.stderr)?.[1];
    expect(next).toBeDefined();

    const second = await tango(['accounts', 'list', big, '--max-results', '3', '--next-cursor', next!]);
    expect(
      tableRows(second.stdout)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(ids(seeded.slice(3, 6)));
    const prev = /Previous page: --prev-cursor (\S+)/.exec(second.stderr)?.[1];
    expect(prev).toBeDefined();

    const back = await tango(['accounts', 'list', big, '--max-results', '3', '--prev-cursor', prev!]);
    expect(
      tableRows(back.stdout)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(ids(seeded.slice(0, 3)));
  });

  it("--json prints the API's page wrapper unchanged", async () => {
    const page = json<Page<Account>>(await tango(['accounts', 'list', big, '--paginate', '--json']));
    const direct = (await h.client().get<Page<Account>>(`/customers/${big}/accounts`, { paginate: true })).body;
    expect(page).toEqual(direct);
    expect(page.items).toHaveLength(10);
    expect(page.nextPageAvailable).toBe(true);

    const last = json<Page<Account>>(
      await tango(['accounts', 'list', big, '--max-results', '200', '--next-cursor', page.nextCursor!, '--json']),
    );
    expect(ids(last.items)).toEqual(ids(seeded.slice(10, 210)));
  });

  it('--all -o ndjson: every account exactly once, a line each, in a page-by-page walk', async () => {
    const before = h.requestCount();
    const result = await tango(['accounts', 'list', big, '--all', '-o', 'ndjson']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(PER_CUSTOMER);
    const listed = lines.map((line) => JSON.parse(line) as Account);
    expect(new Set(ids(listed)).size).toBe(PER_CUSTOMER);
    expect(listed).toEqual(seeded);
    // 200 a page: 6 requests for 1,050 accounts, not one request for all of them.
    expect(h.requestCount() - before).toBe(Math.ceil(PER_CUSTOMER / 200));
  });

  it('--all --json: one array holding every account exactly once', async () => {
    const listed = json<Account[]>(await tango(['accounts', 'list', big, '--all', '--json']));
    expect(listed).toHaveLength(PER_CUSTOMER);
    expect(sortedBy(ids(listed))).toEqual(sortedBy(ids(seeded)));
    expect(listed).toEqual(seeded);
  });

  it('--all with a filter and a page size walks only the matches', async () => {
    const listed = json<Account[]>(
      await tango(['accounts', 'list', big, '--all', '--status', 'ACTIVE', '--max-results', '150', '--json']),
    );
    expect(ids(listed)).toEqual(ids(seeded.filter((a) => a.status === 'ACTIVE')));
  });

  it('--limit 450: the first 450 accounts across three pages of 200, then it stops', async () => {
    const before = h.requestCount();
    const result = await tango(['accounts', 'list', big, '--limit', '450', '-o', 'ndjson']);
    expect(result.code).toBe(0);
    const listed = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Account);
    expect(ids(listed)).toEqual(ids(seeded.slice(0, 450)));
    expect(h.requestCount() - before).toBe(3);
  });
});

describe('tango accounts get', () => {
  it('prints every field of the account as a table', async () => {
    const account = seeded[42]!;
    const result = await tango(['accounts', 'get', account.accountIdentifier]);
    expect(result.code).toBe(0);
    const rows = tableRows(result.stdout);
    expect(rows).toContainEqual(['accountIdentifier', account.accountIdentifier]);
    expect(rows).toContainEqual(['currentBalance', String(account.currentBalance)]);
    expect(rows).toContainEqual(['contactEmail', account.contactEmail!]);
    expect(rows.map((r) => r[0])).toContain('fundingNotification');
  });

  it("--json prints the API's object unchanged", async () => {
    const account = seeded[43]!;
    expect(json(await tango(['accounts', 'get', account.accountIdentifier, '--json']))).toEqual(account);
  });

  it('an unknown account: exit 3, with the request id', async () => {
    const result = await tango(['accounts', 'get', 'no-such-account']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('Error: account no-such-account not found');
    expect(result.stderr).toMatch(/Request ID: \S+/);
  });
});

describe('tango accounts create', () => {
  const flags = (id: string, ...extra: string[]) => [
    '--identifier',
    id,
    '--display-name',
    'Employee Wellness',
    '--contact-email',
    'ops@fixture.example',
    ...extra,
  ];
  const create = (customer: string, id: string, ...extra: string[]) =>
    tango(['accounts', 'create', customer, ...flags(id, ...extra)]);

  it('creates the account in USD by default and prints it', async () => {
    const id = uniqueId('acct');
    const result = await create(fixture, id);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Created account ${id}.`);
    expect(tableRows(result.stdout)).toContainEqual(['currencyCode', 'USD']);
    const stored = (await h.client().get<Account>(`/accounts/${id}`)).body;
    expect(stored).toMatchObject({ displayName: 'Employee Wellness', contactEmail: 'ops@fixture.example' });
  });

  it('--currency and repeated --funding-email are sent; --json prints the API answer (the documented 201 body)', async () => {
    const id = uniqueId('eur');
    const created = json<Account>(
      await create(
        fixture,
        id,
        '--currency',
        'EUR',
        '--funding-email',
        'a@fixture.example',
        '--funding-email',
        'b@fixture.example',
        '--json',
      ),
    );
    expect(created).toEqual({
      accountIdentifier: id,
      displayName: 'Employee Wellness',
      contactEmail: 'ops@fixture.example',
      currencyCode: 'EUR',
      fundingNotification: [{ emailAddress: 'a@fixture.example' }, { emailAddress: 'b@fixture.example' }],
    });
    expect((await h.client().get(`/accounts/${id}`)).body).toMatchObject(created);
    expect(created.currencyCode).toBe('EUR');
    expect(created.fundingNotification).toEqual([
      { emailAddress: 'a@fixture.example' },
      { emailAddress: 'b@fixture.example' },
    ]);
  });

  it('refuses an uppercase identifier, showing the lowercase form, and sends nothing', async () => {
    const before = h.requestCount();
    const result = await create(fixture, 'Fixture-Main');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--identifier "Fixture-Main": must be 5-100 characters, each a lowercase letter');
    expect(result.stderr).toContain('use the lowercase form: fixture-main');
    expect(h.requestCount()).toBe(before);
  });

  it('refuses bad values all at once: emoji name, bad email, unknown currency', async () => {
    const result = await tango([
      'accounts',
      'create',
      fixture,
      '--identifier',
      uniqueId('bad'),
      '--display-name',
      'Fun 🎈 Budget',
      '--contact-email',
      'ops@',
      '--currency',
      'JPY',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('invalid values for --display-name, --contact-email, --currency');
  });

  it('missing flags without a terminal: exit 2 naming each', async () => {
    const result = await tango(['accounts', 'create', fixture, '--identifier', uniqueId('missing')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing values for --display-name, --contact-email');
  });

  it('an unknown customer: exit 3', async () => {
    const result = await create('no-such-customer', uniqueId('orphan'));
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('Error: customer no-such-customer not found');
  });

  it('a duplicate: exit 5 "account <id> already exists"', async () => {
    const id = uniqueId('dup');
    expect((await create(fixture, id)).code).toBe(0);
    const result = await create(fixture, id);
    expect(result.code).toBe(5);
    expect(result.stderr).toContain(`Error: account ${id} already exists`);
  });

  it('--if-not-exists: the same account is exit 0; different values are exit 5 with both shown', async () => {
    const id = uniqueId('ine');
    expect((await create(fixture, id, '--funding-email', 'x@fixture.example')).code).toBe(0);
    const same = await create(fixture, id, '--funding-email', 'X@fixture.example', '--if-not-exists', '--json');
    expect(same.code).toBe(0);
    expect(same.stderr).toContain(`account ${id} already exists with the same values`);
    expect(JSON.parse(same.stdout)).toEqual((await h.client().get(`/accounts/${id}`)).body);

    const different = await create(fixture, id, '--currency', 'GBP', '--if-not-exists');
    expect(different.code).toBe(5);
    expect(different.stderr).toContain('currencyCode: existing "USD", requested "GBP"');
    // No --funding-email was sent this time: the existing address is no difference (only what is sent is compared).
    expect(different.stderr).not.toContain('fundingNotification');
  });

  it('--if-not-exists refuses an identifier taken under another customer', async () => {
    const taken = seeded[0]!;
    const result = await tango([
      'accounts',
      'create',
      fixture,
      '--identifier',
      taken.accountIdentifier,
      '--display-name',
      taken.displayName,
      '--contact-email',
      taken.contactEmail!,
      '--if-not-exists',
    ]);
    expect(result.code).toBe(5);
    expect(result.stderr).toContain(`customer: existing "another customer", requested "${fixture}"`);
  });

  it('--dry-run prints the request and sends nothing', async () => {
    const id = uniqueId('dry');
    const before = h.emulator().stats();
    const result = await create(fixture, id, '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(`POST ${h.emulator().baseUrl}/customers/${fixture}/accounts`);
    expect(result.stdout).toContain('"currencyCode": "USD"');
    expect(h.emulator().stats().requests).toEqual(before.requests);
    expect((await h.client().get(`/accounts/${id}`)).status).toBe(404);
  });

  it('a create whose answer is lost is retried and confirmed: exit 0, one account', async () => {
    const id = uniqueId('retry');
    const before = h.emulator().stats().requests;
    h.emulator().setFaults({ dropRate: 0.5, dropMode: 'after' });
    draws.push(0);
    let result: Awaited<ReturnType<typeof tango>>;
    try {
      result = await create(fixture, id);
    } finally {
      h.emulator().setFaults({ dropRate: 0 });
      draws.length = 0;
    }
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('The first answer was lost');
    const after = h.emulator().stats().requests;
    const route = 'POST /raas/v2/customers/{customerIdentifier}/accounts';
    expect((after[`${route} dropped`] ?? 0) - (before[`${route} dropped`] ?? 0)).toBe(1);
    expect((after[`${route} 409`] ?? 0) - (before[`${route} 409`] ?? 0)).toBe(1);
    const listed = (await h.client().get<Account[]>(`/customers/${fixture}/accounts`)).body;
    expect(listed.filter((a) => a.accountIdentifier === id)).toHaveLength(1);
  });
});

describe('tango accounts update', () => {
  let id: string;
  const stored = async () => (await h.client().get<Account>(`/accounts/${id}`)).body;
  const update = (...flags: string[]) => tango(['accounts', 'update', fixture, id, ...flags]);

  beforeAll(async () => {
    id = uniqueId('upd');
    const created = await h.client().post(`/customers/${fixture}/accounts`, {
      accountIdentifier: id,
      displayName: 'Before Update',
      contactEmail: 'before@fixture.example',
      fundingNotification: [{ emailAddress: 'old@fixture.example' }],
    });
    expect(created.status).toBe(201);
  });

  it('--funding-email replaces the list and prints the updated account', async () => {
    const result = await update(
      '--funding-email',
      'new1@fixture.example',
      '--funding-email',
      'new2@fixture.example',
      '--json',
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Updated account ${id}: fundingNotification.`);
    const after = await stored();
    expect(JSON.parse(result.stdout)).toEqual(after);
    expect(after.fundingNotification).toEqual([
      { emailAddress: 'new1@fixture.example' },
      { emailAddress: 'new2@fixture.example' },
    ]);
  });

  it('a display name alone leaves the funding list and contact unchanged', async () => {
    const before = await stored();
    const result = await update('--display-name', 'After Update');
    expect(result.code).toBe(0);
    expect(tableRows(result.stdout)).toContainEqual(['displayName', 'After Update']);
    expect(await stored()).toEqual({ ...before, displayName: 'After Update' });
  });

  it('--clear-funding-emails empties the list', async () => {
    const result = await update('--clear-funding-emails', '--contact-email', 'after@fixture.example');
    expect(result.code).toBe(0);
    expect(await stored()).toMatchObject({ fundingNotification: [], contactEmail: 'after@fixture.example' });
  });

  it('no field: exit 2 "nothing to update", nothing sent', async () => {
    const before = h.requestCount();
    const result = await update();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Error: nothing to update');
    expect(h.requestCount()).toBe(before);
  });

  it('a bad value: exit 2, nothing sent', async () => {
    const before = h.requestCount();
    const result = await update('--funding-email', 'not-an-address');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--funding-email "not-an-address": must be a valid email address');
    expect(h.requestCount()).toBe(before);
  });

  it('--dry-run shows the PATCH and changes nothing', async () => {
    const before = await stored();
    const result = await update('--display-name', 'Never Sent', '--dry-run', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ method: 'PATCH', body: { displayName: 'Never Sent' } });
    expect(await stored()).toEqual(before);
  });

  it('an unknown account or customer: exit 3, naming which', async () => {
    const account = await tango(['accounts', 'update', fixture, 'no-such-account', '--display-name', 'Whatever']);
    expect(account.code).toBe(3);
    expect(account.stderr).toContain('Error: account no-such-account not found');
    const customer = await tango(['accounts', 'update', 'no-such-customer', id, '--display-name', 'Whatever']);
    expect(customer.code).toBe(3);
    expect(customer.stderr).toContain('Error: customer no-such-customer not found');
  });
});

describe('help', () => {
  it.each(['accounts', 'accounts list', 'accounts get', 'accounts create', 'accounts update', 'accounts import'])(
    'tango %s --help',
    async (line) => {
      const result = await tango([...line.split(' '), '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Examples:');
      expect(result.stdout).toMatchSnapshot();
    },
  );
});
